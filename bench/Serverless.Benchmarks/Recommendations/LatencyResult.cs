namespace Serverless.Benchmarks.Recommendations;

/// <summary>Median and tail of per-call latencies, in milliseconds.</summary>
internal sealed record LatencyResult(string Name, int Calls, double Median, double P90, double P99, double Max)
{
    public static LatencyResult From(string name, List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new LatencyResult(name, sorted.Length, Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
