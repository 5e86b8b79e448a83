namespace Serverless.Learning.Forecasting;

/// <summary>
/// Classical decomposition (as R's <c>decompose</c>): a centred moving average of one season (2 x m for even m) as the
/// trend, the detrended values averaged by position in the season, normalised to sum to 0 (additive) or to average 1
/// (multiplicative). Index j belongs to the periods t with t mod m = j.
/// </summary>
internal static class SeasonalDecomposition
{
    /// <param name="maxCycles">Use only the first this many seasons (null: all of them).</param>
    public static double[] SeasonalIndices(ReadOnlySpan<double> y, int period, bool multiplicative, int? maxCycles = null)
    {
        var cycles = y.Length / period;
        if (cycles < 2)
        {
            throw new ArgumentException($"At least two full seasons ({2 * period} observations) are needed for seasonal indices.");
        }

        var length = maxCycles is { } limit ? Math.Min(limit, cycles) * period : y.Length;
        var trend = CentredMovingAverage(y[..length], period);
        var sums = new double[period];
        var counts = new int[period];
        for (var t = 0; t < length; t++)
        {
            if (double.IsNaN(trend[t]))
            {
                continue;
            }

            var detrended = multiplicative ? (trend[t] > 0 ? y[t] / trend[t] : double.NaN) : y[t] - trend[t];
            if (double.IsFinite(detrended))
            {
                sums[t % period] += detrended;
                counts[t % period]++;
            }
        }

        var indices = new double[period];
        for (var j = 0; j < period; j++)
        {
            indices[j] = counts[j] > 0 ? sums[j] / counts[j] : (multiplicative ? 1 : 0);
        }

        var average = indices.Average();
        for (var j = 0; j < period; j++)
        {
            indices[j] = multiplicative ? (average > 0 ? indices[j] / average : 1) : indices[j] - average;
        }

        return indices;
    }

    /// <summary>A centred m-term moving average (2 x m for even m); NaN where the window does not fit.</summary>
    public static double[] CentredMovingAverage(ReadOnlySpan<double> y, int period)
    {
        var n = y.Length;
        var result = new double[n];
        Array.Fill(result, double.NaN);
        var half = period / 2;
        for (var t = half; t < n - half; t++)
        {
            double sum = 0;
            if (period % 2 == 1)
            {
                for (var k = -half; k <= half; k++)
                {
                    sum += y[t + k];
                }
            }
            else
            {
                for (var k = -half + 1; k <= half - 1; k++)
                {
                    sum += y[t + k];
                }

                sum += 0.5 * (y[t - half] + y[t + half]);
            }

            result[t] = sum / period;
        }

        return result;
    }

    /// <summary>
    /// The 90% test for seasonality used by R's <c>thetaf</c> (Assimakopoulos and Nikolopoulos 2000): the lag-m
    /// autocorrelation exceeds 1.645 times its standard error under Bartlett's formula sqrt((1 + 2 sum_(k&lt;m) r_k^2) / n).
    /// </summary>
    public static bool IsSeasonal(ReadOnlySpan<double> y, int period)
    {
        var n = y.Length;
        if (period < 2 || n <= 2 * period)
        {
            return false;
        }

        double mean = 0;
        foreach (var v in y)
        {
            mean += v / n;
        }

        double denominator = 0;
        foreach (var v in y)
        {
            denominator += (v - mean) * (v - mean);
        }

        if (!(denominator > 0))
        {
            return false;
        }

        double sumSquares = 0, lagM = 0;
        for (var k = 1; k <= period; k++)
        {
            double numerator = 0;
            for (var t = k; t < n; t++)
            {
                numerator += (y[t] - mean) * (y[t - k] - mean);
            }

            var r = numerator / denominator;
            if (k < period)
            {
                sumSquares += r * r;
            }
            else
            {
                lagM = r;
            }
        }

        return Math.Abs(lagM) / Math.Sqrt((1 + 2 * sumSquares) / n) > 1.6448536269514722;
    }
}
