namespace Serverless.Learning.Forecasting.Ets;

/// <summary>
/// Starting values for the initial states (Hyndman et al. 2008, sec. 2.6.1), refined afterwards by the likelihood:
/// seasonal indices from a centred moving average through the first (up to three) full seasons, averaged by season and
/// normalised; level and trend from a straight line through the first max(10, 2m) seasonally adjusted values
/// (a mean when the model has no trend). Seasonal indices are given per period of the series: index j belongs to
/// periods t with t mod m = j.
/// </summary>
internal static class EtsInitialState
{
    public static (double Level, double Trend, double[] Season) Estimate(ReadOnlySpan<double> y, EtsSpecification specification, int period)
    {
        var n = y.Length;
        var adjusted = y.ToArray();
        var season = Array.Empty<double>();
        var multiplicative = specification.Season == EtsSeasonType.Multiplicative;
        if (specification.IsSeasonal)
        {
            season = SeasonalIndices(y, period, multiplicative);
            for (var t = 0; t < n; t++)
            {
                adjusted[t] = multiplicative ? y[t] / season[t % period] : y[t] - season[t % period];
            }
        }

        var count = Math.Min(Math.Max(10, 2 * period), n);
        double level, trend = 0;
        if (specification.HasTrend && count >= 2)
        {
            // Least-squares line over t = 1..count; the intercept is the level just before the first observation.
            double meanT = (count + 1) / 2.0, meanY = 0;
            for (var t = 0; t < count; t++)
            {
                meanY += adjusted[t] / count;
            }

            double sxy = 0, sxx = 0;
            for (var t = 0; t < count; t++)
            {
                var dt = t + 1 - meanT;
                sxy += dt * (adjusted[t] - meanY);
                sxx += dt * dt;
            }

            trend = sxy / sxx;
            level = meanY - trend * meanT;
            if (specification.Error == EtsErrorType.Multiplicative && level + trend <= 0)
            {
                // A multiplicative error needs a positive first mean: start from a flat line instead.
                level = Math.Max(meanY, 1e-3);
                trend = 0;
            }
        }
        else
        {
            level = 0;
            for (var t = 0; t < count; t++)
            {
                level += adjusted[t] / count;
            }
        }

        return (level, trend, season);
    }

    private static double[] SeasonalIndices(ReadOnlySpan<double> y, int period, bool multiplicative) =>
        SeasonalDecomposition.SeasonalIndices(y, period, multiplicative, maxCycles: 3);
}
