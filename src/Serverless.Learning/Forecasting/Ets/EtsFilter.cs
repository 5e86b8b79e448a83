namespace Serverless.Learning.Forecasting.Ets;

/// <summary>
/// The ETS recursions of Hyndman et al. (2008, table 2.3) run over a series: one-step forecast, innovation, state update.
/// Seasonal states live in a ring: <c>season[t % m]</c> is the factor for period t and is overwritten by its update.
/// </summary>
internal static class EtsFilter
{
    private const double Tiny = 1e-10;

    /// <summary>
    /// Runs the filter. Returns false when the model leaves its domain (a non-positive mean under multiplicative error or
    /// season, a non-finite state). <paramref name="innovations"/> (if not empty) receives each innovation: y - mean for
    /// additive error, (y - mean) / mean for multiplicative error.
    /// </summary>
    public static bool Run(
        EtsSpecification specification,
        int period,
        in EtsParameters parameters,
        ref double level,
        ref double trend,
        Span<double> season,
        ReadOnlySpan<double> y,
        out double sumSquaredInnovations,
        out double sumLogAbsMean,
        Span<double> innovations = default)
    {
        sumSquaredInnovations = 0;
        sumLogAbsMean = 0;
        var (alpha, beta, gamma, phi) = (parameters.Alpha, parameters.Beta, parameters.Gamma, parameters.Phi);
        var hasTrend = specification.HasTrend;
        var dampedPhi = specification.IsDamped ? phi : 1.0;
        var seasonType = specification.Season;
        var multiplicativeError = specification.Error == EtsErrorType.Multiplicative;
        var l = level;
        var b = hasTrend ? trend : 0.0;

        for (var t = 0; t < y.Length; t++)
        {
            var slot = seasonType == EtsSeasonType.None ? 0 : t % period;
            var s = seasonType switch
            {
                EtsSeasonType.Additive => season[slot],
                EtsSeasonType.Multiplicative => season[slot],
                _ => 0.0,
            };
            var trendPart = hasTrend ? dampedPhi * b : 0.0;
            var baseline = l + trendPart;
            var mean = seasonType switch
            {
                EtsSeasonType.Additive => baseline + s,
                EtsSeasonType.Multiplicative => baseline * s,
                _ => baseline,
            };

            double e;
            if (multiplicativeError)
            {
                if (!(mean > Tiny))
                {
                    return false;
                }

                e = (y[t] - mean) / mean;
                sumLogAbsMean += Math.Log(mean);
            }
            else
            {
                e = y[t] - mean;
            }

            sumSquaredInnovations += e * e;
            if (!innovations.IsEmpty)
            {
                innovations[t] = e;
            }

            double newLevel, newTrend, newSeason = s;
            if (multiplicativeError)
            {
                // Level and trend move by a share of the absolute error; for multiplicative season it is relative to the baseline.
                var q = seasonType == EtsSeasonType.Multiplicative ? baseline : mean;
                newLevel = baseline + alpha * q * e;
                newTrend = trendPart + beta * q * e;
                if (seasonType == EtsSeasonType.Additive)
                {
                    newSeason = s + gamma * mean * e;
                }
                else if (seasonType == EtsSeasonType.Multiplicative)
                {
                    newSeason = s * (1 + gamma * e);
                }
            }
            else
            {
                var r = seasonType == EtsSeasonType.Multiplicative ? s : 1.0;
                if (!(Math.Abs(r) > Tiny))
                {
                    return false;
                }

                newLevel = baseline + alpha * e / r;
                newTrend = trendPart + beta * e / r;
                if (seasonType == EtsSeasonType.Additive)
                {
                    newSeason = s + gamma * e;
                }
                else if (seasonType == EtsSeasonType.Multiplicative)
                {
                    if (!(Math.Abs(baseline) > Tiny))
                    {
                        return false;
                    }

                    newSeason = s + gamma * e / baseline;
                }
            }

            if (!double.IsFinite(newLevel) || !double.IsFinite(newTrend) || !double.IsFinite(newSeason))
            {
                return false;
            }

            l = newLevel;
            b = hasTrend ? newTrend : 0.0;
            if (seasonType != EtsSeasonType.None)
            {
                season[slot] = newSeason;
            }
        }

        level = l;
        trend = b;
        return double.IsFinite(sumSquaredInnovations);
    }

    /// <summary>Point forecasts from a final state whose <paramref name="season"/>[0] belongs to the next period.</summary>
    public static double[] Forecast(
        EtsSpecification specification, int period, double phi, double level, double trend, ReadOnlySpan<double> season, int horizon)
    {
        var result = new double[horizon];
        double trendMultiplier = 0;
        var phiPower = 1.0;
        for (var h = 1; h <= horizon; h++)
        {
            if (specification.IsDamped)
            {
                phiPower *= phi;
                trendMultiplier += phiPower;
            }
            else if (specification.HasTrend)
            {
                trendMultiplier = h;
            }

            var baseline = level + trendMultiplier * trend;
            result[h - 1] = specification.Season switch
            {
                EtsSeasonType.Additive => baseline + season[(h - 1) % period],
                EtsSeasonType.Multiplicative => baseline * season[(h - 1) % period],
                _ => baseline,
            };
        }

        return result;
    }
}
