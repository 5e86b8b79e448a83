namespace Serverless.Cli.Forecasting;

/// <summary>
/// One row of the evaluation table: a model's scores averaged over the series (those whose MASE scale is not zero),
/// and its time per series where it was measured.
/// </summary>
internal sealed class ModelScores(string name)
{
    private readonly List<SeriesScore> _scores = [];
    private readonly List<double> _seconds = [];

    public string Name { get; } = name;

    public int Series => _scores.Count;

    public void Add(SeriesScore score) => _scores.Add(score);

    public void AddTime(double seconds) => _seconds.Add(seconds);

    public double MeanMase => Mean(s => s.Mase);

    public double MedianMase => Median(_scores.Select(s => s.Mase));

    public double MeanSmape => Mean(s => s.Smape);

    public double MeanRmsse => Mean(s => s.Rmsse);

    public double MeanScaledBias => Mean(s => s.ScaledBias);

    public double Coverage80 => Mean(s => s.Coverage80);

    public double Coverage95 => Mean(s => s.Coverage95);

    public double MeanMsis95 => Mean(s => s.Msis95);

    public double MeanScaledPinball => Mean(s => s.ScaledPinball);

    public bool HasTimes => _seconds.Count > 0;

    public double TotalSeconds => _seconds.Sum();

    public double MedianMilliseconds => _seconds.Count == 0 ? double.NaN : 1000 * Median(_seconds);

    private double Mean(Func<SeriesScore, double> metric)
    {
        var values = _scores.Select(metric).Where(double.IsFinite).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
