using System.Globalization;

namespace Serverless.Benchmarks.Forecasts;

/// <summary><c>forecast http [--customers N] [--requests N] [--cold N] [--precomputed N] [--concurrency N] [--runs N]</c>.</summary>
internal static class ForecastHttpCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ForecastHttpOptions();
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--customers" => options with { Customers = value },
                "--requests" => options with { Requests = value },
                "--cold" => options with { ColdRequests = value },
                "--precomputed" => options with { Precomputed = value },
                "--concurrency" => options with { Concurrency = value },
                "--runs" => options with { Runs = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        var run = await new ForecastHttpBenchmark(options, Console.Out).RunAsync();
        Console.WriteLine(ForecastHttpReport.Markdown(run));
        return 0;
    }
}
