namespace Serverless.Learning.Forecasting.Metrics;

/// <summary>
/// Measures of prediction intervals and quantiles (Gneiting and Raftery 2007; M4 and M5 competitions): pure functions
/// of the actual values and the bounds or quantiles forecast for the same periods.
/// </summary>
public static class IntervalAccuracy
{
    /// <summary>Share of actual values inside [lower, upper], bounds included. Range [0, 1]; compare with the nominal level.</summary>
    public static double Coverage(ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        CheckLengths(actual, lower, upper);
        var inside = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] >= lower[i] && actual[i] <= upper[i])
            {
                inside++;
            }
        }

        return (double)inside / actual.Length;
    }

    /// <summary>Mean width upper - lower. Range [0, +inf) for proper intervals, in the units of the series.</summary>
    public static double MeanWidth(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        CheckLengths(lower, lower, upper);
        double sum = 0;
        for (var i = 0; i < lower.Length; i++)
        {
            sum += upper[i] - lower[i];
        }

        return sum / lower.Length;
    }

    /// <summary>
    /// Pinball (quantile) loss of a forecast p-quantile: mean of p (a - q) when a &gt;= q, else (1 - p) (q - a). Range
    /// [0, +inf), in the units of the series; minimised in expectation by the true p-quantile.
    /// </summary>
    public static double PinballLoss(ReadOnlySpan<double> actual, ReadOnlySpan<double> quantile, double probability)
    {
        if (!(probability is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability strictly between 0 and 1 is required.");
        }

        CheckLengths(actual, quantile, quantile);
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var difference = actual[i] - quantile[i];
            sum += difference >= 0 ? probability * difference : (probability - 1) * difference;
        }

        return sum / actual.Length;
    }

    /// <summary>
    /// Interval (Winkler) score of a central interval of nominal coverage 1 - a: mean of (u - l) + (2/a)(l - y) when y &lt; l
    /// and + (2/a)(y - u) when y &gt; u, divided by <paramref name="scale"/> (MSIS of the M4 competition when the scale is the
    /// MASE scale). Range [0, +inf); rewards narrow intervals and penalises misses; NaN for a zero scale.
    /// </summary>
    public static double ScaledIntervalScore(
        ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double level, double scale)
    {
        if (!(level is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A level strictly between 0 and 1 is required.");
        }

        CheckLengths(actual, lower, upper);
        var a = 1 - level;
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            sum += upper[i] - lower[i];
            if (actual[i] < lower[i])
            {
                sum += 2 / a * (lower[i] - actual[i]);
            }
            else if (actual[i] > upper[i])
            {
                sum += 2 / a * (actual[i] - upper[i]);
            }
        }

        return scale > 0 ? sum / actual.Length / scale : double.NaN;
    }

    private static void CheckLengths(ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        if (actual.IsEmpty || lower.Length != actual.Length || upper.Length != actual.Length)
        {
            throw new ArgumentException("The series must be non-empty and of equal length.");
        }
    }
}
