using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Serverless.Benchmarks.Recommendations;

/// <summary>
/// Entry point of <c>recs</c>: <c>score</c> (per-call latency on a 50,000-item catalog vs the dot-product floor),
/// <c>micro</c> (the same paths under BenchmarkDotNet, in process) and <c>train</c> (training time and peak memory on
/// Online Retail beside the scikit-learn peers).
/// </summary>
internal static class RecommendationBenchmarks
{
    public const string Usage =
        "usage: recs score [--items N] [--factors N] [--calls N] | recs micro | recs train [--runs N] [--no-peers]";

    public static async Task<int> RunAsync(string[] args)
    {
        switch (args.Length > 1 ? args[1] : string.Empty)
        {
            case "score":
            {
                var options = new ScoringBenchmarkOptions();
                for (var i = 2; i + 1 < args.Length; i += 2)
                {
                    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    options = args[i] switch
                    {
                        "--items" => options with { Items = value },
                        "--factors" => options with { Factors = value },
                        "--calls" => options with { Calls = value },
                        _ => throw new ArgumentException($"Unknown option {args[i]}"),
                    };
                }

                var results = new ScoringLatencyBenchmark(options).Run(Console.Out);
                Console.WriteLine(RecommendationReport.Scoring(options, results));
                return 0;
            }

            case "micro":
                BenchmarkRunner.Run<ScoringMicrobenchmarks>(
                    DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)));
                return 0;

            case "train":
            {
                var runs = 3;
                var peers = true;
                for (var i = 2; i < args.Length; i++)
                {
                    if (args[i] == "--runs" && i + 1 < args.Length)
                    {
                        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    }
                    else if (args[i] == "--no-peers")
                    {
                        peers = false;
                    }
                    else
                    {
                        throw new ArgumentException($"Unknown option {args[i]}");
                    }
                }

                var (results, data, versions) = await new TrainingBenchmark(runs, peers).RunAsync(Console.Out);
                Console.WriteLine(RecommendationReport.Training(data, runs, results, versions));
                return 0;
            }

            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
