namespace Serverless.Benchmarks.Recommendations;

/// <summary>One trainer's fit times (seconds per run, or the peer's own median) and peak memory in MiB.</summary>
internal sealed record TrainingResult(string Name, IReadOnlyList<double> Seconds, double PeakMebibytes)
{
    public double Median
    {
        get
        {
            var sorted = Seconds.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
