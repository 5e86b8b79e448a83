namespace Serverless.Learning.Forecasting.Naive;

/// <summary>
/// The average method: every future period is forecast by the mean of the history, the best forecast when the series
/// is white noise around a constant level (R's <c>meanf</c>; what <c>auto.arima</c> picks as ARIMA(0,0,0) with mean).
/// Its intervals assume independent Gaussian errors with the sample variance s^2 and add the uncertainty of the mean:
/// sd = s sqrt(1 + 1/n) per period.
/// </summary>
public sealed class HistoricalMeanTrainer : IForecastTrainer
{
    public ForecastMethod Method => ForecastMethod.HistoricalMean;

    /// <summary>Two observations give a sample variance.</summary>
    public bool CanFit(int historyLength) => historyLength >= 2;

    IForecastModel IForecastTrainer.Fit(ReadOnlySpan<double> history) => Fit(history);

    public HistoricalMeanModel Fit(ReadOnlySpan<double> history)
    {
        if (!CanFit(history.Length))
        {
            throw new ArgumentException($"The average method needs at least 2 observations (got {history.Length}).", nameof(history));
        }

        double mean = 0;
        foreach (var value in history)
        {
            mean += value / history.Length;
        }

        double squares = 0;
        foreach (var value in history)
        {
            squares += (value - mean) * (value - mean);
        }

        var variance = squares / (history.Length - 1);
        var deviations = new double[history.Length];
        for (var t = 0; t < history.Length; t++)
        {
            deviations[t] = history[t] - mean;
        }

        return new HistoricalMeanModel(mean, variance, history.Length)
        {
            ResidualShape = Residuals.Shape(deviations, variance),
            ResidualCount = deviations.Length,
        };
    }
}
