using System.Globalization;
using Serverless.Benchmarks.Forecasts;
using Serverless.Benchmarks.Ingestion;
using Serverless.Benchmarks.Recommendations;

// dotnet run -c Release --project bench/Serverless.Benchmarks -- ingest [--runs 3] [--events 2000] [--users 200]
// dotnet run -c Release --project bench/Serverless.Benchmarks -- recs score|micro|train (see docs/benchmarks.md)
// dotnet run -c Release --project bench/Serverless.Benchmarks -- support [--requests 400] [--runs 3] [--sample 100]
// dotnet run -c Release --project bench/Serverless.Benchmarks -- recs http [--customers 1000] [--requests 2000] [--concurrency 8] [--runs 3]
// dotnet run -c Release --project bench/Serverless.Benchmarks -- forecast http [--customers 1000] [--requests 2000] [--cold 200] [--precomputed 40] [--concurrency 8] [--runs 3]
if (args.Length > 1 && args[0] == "forecast" && args[1] == "http")
{
    return await ForecastHttpCommand.RunAsync(args);
}

if (args.Length > 0 && args[0] == "support")
{
    int Option(string name, int fallback) =>
        Array.IndexOf(args, name) is var at && at > 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    var runs = await new Serverless.Benchmarks.Support.SupportLatencyBenchmark(
        Option("--requests", 400), Option("--runs", 3), Option("--sample", 100), Console.Out).RunAsync();
    Console.WriteLine("| measured | median (ms) | p99 (ms) |");
    Console.WriteLine("|---|---|---|");
    for (var i = 0; i < runs[0].Count; i++)
    {
        var medians = runs.Select(r => r[i].Median).Order().ToList();
        var tails = runs.Select(r => r[i].P99).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {runs[0][i].Name} | {medians[medians.Count / 2]:F2} | {tails[tails.Count / 2]:F2} |"));
    }

    return 0;
}

if (args.Length > 1 && args[0] == "recs" && args[1] == "http")
{
    return await HttpServingCommand.RunAsync(args);
}

if (args.Length > 0 && args[0] == "recs")
{
    return await RecommendationBenchmarks.RunAsync(args);
}

if (args.Length == 0 || args[0] != "ingest")
{
    Console.Error.WriteLine("usage: ingest [--runs N] [--events N] [--users N] [--batch-size N]");
    return 2;
}

var options = new IngestionBenchmarkOptions();
for (var i = 1; i + 1 < args.Length; i += 2)
{
    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    options = args[i] switch
    {
        "--runs" => options with { Runs = value },
        "--events" => options with { Events = value },
        "--users" => options with { Users = value },
        "--batch-size" => options with { BatchSize = value },
        _ => throw new ArgumentException($"Unknown option {args[i]}"),
    };
}

var results = await new IngestionBenchmark(options, Console.Out).RunAsync();
Console.WriteLine(IngestionReport.Markdown(options, results));
return 0;
