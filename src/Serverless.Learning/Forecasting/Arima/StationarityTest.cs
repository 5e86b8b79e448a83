namespace Serverless.Learning.Forecasting.Arima;

/// <summary>
/// The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt and Shin 1992), as R's
/// <c>forecast::ndiffs</c> runs it to choose the number of differences: the null hypothesis is a stationary series, so a
/// series is differenced only when the statistic exceeds the critical value.
/// </summary>
public static class StationarityTest
{
    /// <summary>The 5% critical value of the level-stationarity statistic (KPSS 1992, table 1).</summary>
    public const double CriticalValueFivePercent = 0.463;

    /// <summary>
    /// The KPSS level statistic: the sum of squared partial sums of the demeaned series over n² times its long-run
    /// variance, estimated with Bartlett weights and trunc(3 sqrt(n) / 13) lags (ndiffs' choice). Range [0, +inf);
    /// 0 for a constant series, which is stationary.
    /// </summary>
    public static double KpssStatistic(ReadOnlySpan<double> series)
    {
        var n = series.Length;
        if (n < 2)
        {
            throw new ArgumentException("The KPSS statistic needs at least 2 observations.", nameof(series));
        }

        double mean = 0;
        foreach (var value in series)
        {
            mean += value / n;
        }

        double partial = 0, partialSquares = 0, variance = 0;
        for (var t = 0; t < n; t++)
        {
            var residual = series[t] - mean;
            partial += residual;
            partialSquares += partial * partial;
            variance += residual * residual;
        }

        var lags = (int)Math.Truncate(3 * Math.Sqrt(n) / 13);
        for (var lag = 1; lag <= Math.Min(lags, n - 1); lag++)
        {
            double covariance = 0;
            for (var t = lag; t < n; t++)
            {
                covariance += (series[t] - mean) * (series[t - lag] - mean);
            }

            variance += 2 * (1 - lag / (lags + 1.0)) * covariance;
        }

        variance /= n;
        // Rounding leaves a constant series a tiny variance; it is stationary, not a unit root.
        return variance <= 1e-12 * (1 + mean * mean) ? 0 : partialSquares / ((double)n * n * variance);
    }

    /// <summary>Whether the KPSS test rejects level stationarity at 5%, so the series should be differenced once.</summary>
    public static bool NeedsDifferencing(ReadOnlySpan<double> series) =>
        series.Length >= 2 && KpssStatistic(series) > CriticalValueFivePercent;
}
