using System.Collections.Immutable;

namespace Serverless.Learning.Forecasting;

/// <summary>
/// Forecast-error variances of a linear model written in innovations form, y(n+h) - forecast = e(n+h) + c1 e(n+h-1) +
/// ... + c(h-1) e(n+1) with independent errors of variance sigma^2 (Hyndman et al. 2008, ch. 6): the h-step variance
/// is sigma^2 (1 + sum c_j^2) and the variance of the summed errors of steps 1..L is sigma^2 sum_(i&lt;L) (1 + C_i)^2
/// with C_i = c_1 + ... + c_i.
/// </summary>
internal static class InnovationsVariance
{
    /// <param name="psiWeight">c_j for j = 1..horizon-1.</param>
    public static ModelForecast Forecast(ImmutableArray<double> mean, double sigma2, Func<int, double> psiWeight)
    {
        var horizon = mean.Length;
        var sd = new double[horizon];
        var cumulativeSd = new double[horizon];
        double sumSquares = 0, partial = 0, cumulative = 0;
        for (var h = 1; h <= horizon; h++)
        {
            if (h > 1)
            {
                var c = psiWeight(h - 1);
                sumSquares += c * c;
                partial += c;
            }

            // The (h)th term of the cumulative sum uses C_(h-1) = partial after adding c_(h-1).
            cumulative += (1 + partial) * (1 + partial);
            sd[h - 1] = Math.Sqrt(sigma2 * (1 + sumSquares));
            cumulativeSd[h - 1] = Math.Sqrt(sigma2 * cumulative);
        }

        return new ModelForecast(mean, ImmutableArray.Create(sd), ImmutableArray.Create(cumulativeSd));
    }
}
