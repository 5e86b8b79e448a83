using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting;

/// <summary>Turns a model's one-step in-sample errors into the residual shape of <see cref="IResidualSource"/>.</summary>
internal static class Residuals
{
    /// <summary>
    /// The shape of the errors divided by sqrt(<paramref name="variance"/>), the variance the model's intervals use; the
    /// normal when the variance is not positive or there are too few errors.
    /// </summary>
    public static StandardizedErrors Shape(ReadOnlySpan<double> errors, double variance)
    {
        if (!(variance > 0) || !double.IsFinite(variance) || errors.Length < StandardizedErrors.MinimumResiduals)
        {
            return StandardizedErrors.Normal;
        }

        var sd = Math.Sqrt(variance);
        var standardized = new double[errors.Length];
        for (var t = 0; t < errors.Length; t++)
        {
            standardized[t] = errors[t] / sd;
        }

        return StandardizedErrors.FromResiduals(standardized);
    }
}
