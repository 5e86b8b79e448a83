namespace Serverless.Learning.Forecasting.Arima;

/// <summary>
/// Maps unconstrained numbers to the coefficients of a stationary autoregression (Jones 1980, Monahan 1984): each
/// number's tanh is a partial autocorrelation in (-1, 1), and the Durbin-Levinson recursion turns partial
/// autocorrelations into coefficients whose polynomial 1 - c1 z - ... - cp z^p has every root outside the unit circle.
/// The optimiser then searches an unconstrained space and never meets a non-stationary (or, for the moving-average
/// side, non-invertible) model.
/// </summary>
internal static class StationaryCoefficients
{
    public static void FromUnconstrained(ReadOnlySpan<double> unconstrained, Span<double> coefficients)
    {
        var p = unconstrained.Length;
        Span<double> previous = stackalloc double[Math.Max(p, 1)];
        for (var k = 0; k < p; k++)
        {
            var partial = Math.Tanh(unconstrained[k]);
            previous[..k].CopyTo(coefficients);
            for (var j = 0; j < k; j++)
            {
                coefficients[j] = previous[j] - partial * previous[k - 1 - j];
            }

            coefficients[k] = partial;
            coefficients[..(k + 1)].CopyTo(previous);
        }
    }

    /// <summary>
    /// Whether every root of 1 - c1 z - ... - cp z^p lies outside the circle of radius <paramref name="radius"/>: the
    /// coefficients scaled by radius^i step down (Durbin-Levinson backwards) to partial autocorrelations all inside
    /// (-1, 1). Radius 1 is the stationarity condition.
    /// </summary>
    public static bool RootsOutside(ReadOnlySpan<double> coefficients, double radius)
    {
        var p = coefficients.Length;
        Span<double> current = stackalloc double[Math.Max(p, 1)];
        Span<double> next = stackalloc double[Math.Max(p, 1)];
        var scale = 1.0;
        for (var i = 0; i < p; i++)
        {
            scale *= radius;
            current[i] = coefficients[i] * scale;
        }

        for (var k = p - 1; k >= 0; k--)
        {
            var partial = current[k];
            if (!(Math.Abs(partial) < 1))
            {
                return false;
            }

            var denominator = 1 - partial * partial;
            for (var j = 0; j < k; j++)
            {
                next[j] = (current[j] + partial * current[k - 1 - j]) / denominator;
            }

            next[..k].CopyTo(current);
        }

        return true;
    }
}
