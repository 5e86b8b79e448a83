namespace Serverless.Learning.Forecasting.Metrics;

/// <summary>
/// Point-forecast accuracy measures (Hyndman and Koehler 2006; M4 and M5 competitions). Pure functions of the actual
/// values, the forecasts for the same periods and, for scaled measures, the history the forecasts were made from. The
/// scale of MASE and RMSSE is the in-sample error of the seasonal naive method (lag m, or lag 1 when the history is
/// not longer than one season).
/// </summary>
public static class ForecastAccuracy
{
    /// <summary>
    /// Mean absolute scaled error: mean |actual - forecast| divided by the in-sample mean absolute seasonal difference.
    /// Range [0, +inf); below 1 beats the in-sample naive method; NaN when the history is constant (zero scale).
    /// </summary>
    public static double MeanAbsoluteScaledError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, ReadOnlySpan<double> history, int seasonalPeriod)
    {
        var scale = NaiveMeanAbsoluteError(history, seasonalPeriod);
        return scale > 0 ? MeanAbsoluteError(actual, forecast) / scale : double.NaN;
    }

    /// <summary>
    /// Root mean squared scaled error (the M5 accuracy measure): sqrt(mean squared error / in-sample mean squared
    /// seasonal difference). Range [0, +inf); NaN when the history is constant.
    /// </summary>
    public static double RootMeanSquaredScaledError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, ReadOnlySpan<double> history, int seasonalPeriod)
    {
        CheckLengths(actual, forecast);
        var lag = Lag(history, seasonalPeriod);
        double inSample = 0;
        for (var t = lag; t < history.Length; t++)
        {
            inSample += Math.Pow(history[t] - history[t - lag], 2);
        }

        inSample = history.Length > lag ? inSample / (history.Length - lag) : 0;
        double squared = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            squared += Math.Pow(actual[i] - forecast[i], 2);
        }

        return inSample > 0 ? Math.Sqrt(squared / actual.Length / inSample) : double.NaN;
    }

    /// <summary>
    /// Symmetric mean absolute percentage error, in percent: 200/h sum |a - f| / (|a| + |f|), a period where both are
    /// zero counting as 0. Range [0, 200]; a zero actual against a positive forecast costs the maximum, 200.
    /// </summary>
    public static double SymmetricMeanAbsolutePercentageError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var denominator = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            sum += denominator > 0 ? Math.Abs(actual[i] - forecast[i]) / denominator : 0;
        }

        return 200 * sum / actual.Length;
    }

    /// <summary>Mean absolute error. Range [0, +inf), in the units of the series.</summary>
    public static double MeanAbsoluteError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            sum += Math.Abs(actual[i] - forecast[i]);
        }

        return sum / actual.Length;
    }

    /// <summary>Bias: mean (forecast - actual). Range (-inf, +inf), in the units of the series; positive over-forecasts.</summary>
    public static double MeanError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            sum += forecast[i] - actual[i];
        }

        return sum / actual.Length;
    }

    /// <summary>Bias divided by the MASE scale, comparable across series. Range (-inf, +inf); NaN for a constant history.</summary>
    public static double ScaledMeanError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, ReadOnlySpan<double> history, int seasonalPeriod)
    {
        var scale = NaiveMeanAbsoluteError(history, seasonalPeriod);
        return scale > 0 ? MeanError(actual, forecast) / scale : double.NaN;
    }

    /// <summary>In-sample mean absolute error of the seasonal naive method (the MASE scale). Range [0, +inf); 0 for a history of one value.</summary>
    public static double NaiveMeanAbsoluteError(ReadOnlySpan<double> history, int seasonalPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonalPeriod, 1);
        var lag = Lag(history, seasonalPeriod);
        double sum = 0;
        for (var t = lag; t < history.Length; t++)
        {
            sum += Math.Abs(history[t] - history[t - lag]);
        }

        return history.Length > lag ? sum / (history.Length - lag) : 0;
    }

    private static int Lag(ReadOnlySpan<double> history, int seasonalPeriod) => history.Length > seasonalPeriod ? seasonalPeriod : 1;

    private static void CheckLengths(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        if (actual.Length != forecast.Length || actual.IsEmpty)
        {
            throw new ArgumentException($"Actual ({actual.Length}) and forecast ({forecast.Length}) values must be non-empty and of equal length.");
        }
    }
}
