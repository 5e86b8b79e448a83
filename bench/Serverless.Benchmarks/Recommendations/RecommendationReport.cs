using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Serverless.Benchmarks.Recommendations;

/// <summary>The Markdown blocks recorded under "Recommendations" in docs/benchmarks.md.</summary>
internal static class RecommendationReport
{
    public static string Machine() => string.Create(
        CultureInfo.InvariantCulture,
        $"Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");

    public static string Scoring(ScoringBenchmarkOptions options, IReadOnlyList<LatencyResult> results)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(Machine());
        text.AppendLine(invariant, $"Workload: {options.Items:N0}-item synthetic catalog, {options.Factors} factors, {options.Neighbors} neighbours per item, histories of {options.HistoryLength} items, top {options.Count}; {options.Calls:N0} calls per case after {options.Warmup} warm-up calls, interleaved");
        text.AppendLine();
        text.AppendLine("| case | median (ms) | p90 (ms) | p99 (ms) | max (ms) | median / floor |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        var floor = results[0].Median;
        foreach (var result in results)
        {
            text.AppendLine(invariant, $"| {result.Name} | {result.Median:F3} | {result.P90:F3} | {result.P99:F3} | {result.Max:F3} | {result.Median / floor:F2} |");
        }

        return text.ToString();
    }

    public static string Training(string data, int runs, IReadOnlyList<TrainingResult> results, string? peerVersions)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(Machine());
        text.AppendLine(invariant, $"Data: {data}; {runs} runs per trainer (median time, highest peak)");
        if (peerVersions is not null)
        {
            text.AppendLine(invariant, $"Peers: {peerVersions}");
        }

        text.AppendLine();
        text.AppendLine("| trainer | median fit (s) | runs (s) | peak memory above start (MiB) |");
        text.AppendLine("|---|---:|---|---:|");
        foreach (var result in results)
        {
            var runsText = string.Join(", ", result.Seconds.Select(s => s.ToString("F2", invariant)));
            text.AppendLine(invariant, $"| {result.Name} | {result.Median:F2} | {runsText} | {result.PeakMebibytes:F0} |");
        }

        return text.ToString();
    }
}
