using System.Globalization;
using System.Text;

namespace Serverless.Benchmarks.Forecasts;

/// <summary>
/// The markdown table of <c>forecast http</c>: per endpoint the medians over runs, and the median over runs of the ratio
/// of its median latency to the profile read's in the same run.
/// </summary>
internal static class ForecastHttpReport
{
    public static string Markdown(ForecastHttpRun run)
    {
        var text = new StringBuilder();
        var options = run.Options;
        text.AppendLine(CultureInfo.InvariantCulture, $"{run.Customers} customers, {run.PurchaseEvents} purchase events, {run.Products} products; " +
            $"{options.Precomputed} and the total precomputed in {run.PrecomputeSeconds:F1} s; {options.Requests} requests per endpoint per run " +
            $"({options.ColdRequests} cold fits) at {options.Concurrency} in flight, {options.Runs} runs (medians over runs).");
        text.AppendLine();
        text.AppendLine("| endpoint | median ms | p99 ms | requests/s | median / profile read | failures |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        for (var e = 0; e < run.Runs[0].Count; e++)
        {
            var median = Median(run.Runs.Select(r => r[e].Latency.Median));
            var p99 = Median(run.Runs.Select(r => r[e].Latency.P99));
            var rate = Median(run.Runs.Select(r => r[e].RequestsPerSecond));
            var failures = run.Runs.Sum(r => r[e].Failures);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Runs[0][e].Endpoint} | {median:F2} | {p99:F2} | {rate:F0} | {Median(run.Runs.Select(r => r[e].Latency.Median / r[1].Latency.Median)):F2} | {failures} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"(Per-run medians: {string.Join("; ", run.Runs.Select(r => string.Join(" / ", r.Select(x => x.Latency.Median.ToString("F2", CultureInfo.InvariantCulture)))))} ms.)");
        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
