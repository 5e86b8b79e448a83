namespace Serverless.Learning.Forecasting.Naive;

/// <summary>
/// The naive forecast (the last value) or, with a seasonal period m &gt; 1, the seasonal naive forecast (the value one
/// season before). Prediction intervals are those of the random walk y(t) = y(t - m) + e(t) with sigma^2 the mean
/// squared difference y(t) - y(t - m) over the history, as in Hyndman and Athanasopoulos, "Forecasting: Principles and
/// Practice", sec. 5.5.
/// </summary>
public sealed class NaiveTrainer : IForecastTrainer
{
    private readonly Options _options;

    public NaiveTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (_options.SeasonalPeriod < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.SeasonalPeriod, $"{nameof(Options.SeasonalPeriod)} must be at least 1.");
        }
    }

    public ForecastMethod Method => _options.SeasonalPeriod > 1 ? ForecastMethod.SeasonalNaive : ForecastMethod.Naive;

    /// <summary>One full season and one difference are needed for an error variance.</summary>
    public bool CanFit(int historyLength) => historyLength > _options.SeasonalPeriod;

    IForecastModel IForecastTrainer.Fit(ReadOnlySpan<double> history) => Fit(history);

    public NaiveModel Fit(ReadOnlySpan<double> history)
    {
        var m = _options.SeasonalPeriod;
        if (!CanFit(history.Length))
        {
            throw new ArgumentException($"The naive method with period {m} needs more than {m} observations (got {history.Length}).", nameof(history));
        }

        double sum = 0;
        var differences = new double[history.Length - m];
        for (var t = m; t < history.Length; t++)
        {
            var d = history[t] - history[t - m];
            differences[t - m] = d;
            sum += d * d;
        }

        var variance = sum / (history.Length - m);
        return new NaiveModel(m, history[^m..].ToArray(), variance, history.Length)
        {
            ResidualShape = Residuals.Shape(differences, variance),
            ResidualCount = differences.Length,
        };
    }

    /// <summary>Options of <see cref="NaiveTrainer"/>.</summary>
    public sealed class Options
    {
        /// <summary>1 repeats the last value; m &gt; 1 repeats the last season.</summary>
        public int SeasonalPeriod { get; init; } = 1;
    }
}
