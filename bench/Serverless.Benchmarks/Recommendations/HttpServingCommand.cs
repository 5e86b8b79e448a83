using System.Globalization;

namespace Serverless.Benchmarks.Recommendations;

/// <summary><c>recs http [--customers N] [--requests N] [--concurrency N] [--runs N] [--trainer Kind]</c>.</summary>
internal static class HttpServingCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new HttpServingOptions();
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--customers" => options with { Customers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--requests" => options with { Requests = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--trainer" => options with { Trainer = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        var run = await new HttpServingBenchmark(options, Console.Out).RunAsync();
        Console.WriteLine(HttpServingReport.Markdown(run));
        return 0;
    }
}
