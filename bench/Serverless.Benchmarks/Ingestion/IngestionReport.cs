using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Serverless.Benchmarks.Ingestion;

/// <summary>The markdown block recorded in docs/benchmarks.md: every run, then medians and their ratio.</summary>
internal static class IngestionReport
{
    public static string Markdown(IngestionBenchmarkOptions options, IReadOnlyList<(IngestionRunResult Pipeline, IngestionRunResult Ceiling)> results)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        text.AppendLine(invariant, $"Workload: {options.Events} events over {options.Users} users per run, {options.Runs} runs, POST batches of {options.BatchSize}, ceiling concurrency {options.Concurrency}");
        text.AppendLine();
        text.AppendLine("| run | pipeline events/s | Cosmos requests/event | ceiling events/s | ceiling requests/event | pipeline / ceiling |");
        text.AppendLine("|---|---|---|---|---|---|");
        for (var i = 0; i < results.Count; i++)
        {
            var (pipeline, ceiling) = results[i];
            text.AppendLine(invariant, $"| {i + 1} | {pipeline.EventsPerSecond:F1} | {pipeline.RequestsPerEvent:F2} | {ceiling.EventsPerSecond:F1} | {ceiling.RequestsPerEvent:F2} | {pipeline.EventsPerSecond / ceiling.EventsPerSecond:F3} |");
        }

        var pipelineMedian = Median(results.Select(r => r.Pipeline.EventsPerSecond));
        var ceilingMedian = Median(results.Select(r => r.Ceiling.EventsPerSecond));
        text.AppendLine(invariant, $"| **median** | **{pipelineMedian:F1}** | {Median(results.Select(r => r.Pipeline.RequestsPerEvent)):F2} | **{ceilingMedian:F1}** | {Median(results.Select(r => r.Ceiling.RequestsPerEvent)):F2} | **{pipelineMedian / ceilingMedian:F3}** |");
        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
