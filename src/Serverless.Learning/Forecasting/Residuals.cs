using System.Collections.Immutable;

namespace Serverless.Learning.Forecasting;

/// <summary>Turns a model's one-step in-sample errors into the standardized residuals of <see cref="IResidualSource"/>.</summary>
internal static class Residuals
{
    /// <summary>Each error divided by sqrt(<paramref name="variance"/>); empty when the variance is not positive.</summary>
    public static ImmutableArray<double> Standardize(ReadOnlySpan<double> errors, double variance)
    {
        if (!(variance > 0) || !double.IsFinite(variance))
        {
            return [];
        }

        var sd = Math.Sqrt(variance);
        var result = new double[errors.Length];
        for (var t = 0; t < errors.Length; t++)
        {
            result[t] = errors[t] / sd;
        }

        return ImmutableArray.Create(result);
    }
}
