using System.Collections.Immutable;
using MathNet.Numerics.Distributions;

namespace Serverless.Learning.Forecasting.Distributions;

/// <summary>
/// The distribution of forecast errors divided by their scale: the standard normal (analytic intervals) or the
/// empirical distribution of a sample of standardised backtest errors, read with linear interpolation between order
/// statistics (Hyndman and Fan's type 7, R's default <c>quantile</c>).
/// </summary>
public sealed class StandardizedErrors
{
    private StandardizedErrors(ImmutableArray<double> sortedSample) => SortedSample = sortedSample;

    /// <summary>The standard normal distribution.</summary>
    public static StandardizedErrors Normal { get; } = new(ImmutableArray<double>.Empty);

    /// <summary>Sorted sample of standardised errors; empty for the normal distribution.</summary>
    public ImmutableArray<double> SortedSample { get; }

    public bool IsNormal => SortedSample.IsEmpty;

    /// <summary>An empirical distribution; non-finite values are dropped, and an empty sample means the normal.</summary>
    public static StandardizedErrors FromSample(IEnumerable<double> sample)
    {
        var sorted = sample.Where(double.IsFinite).OrderBy(v => v).ToImmutableArray();
        return sorted.IsEmpty ? Normal : new StandardizedErrors(sorted);
    }

    /// <summary>The p-quantile, p in (0, 1).</summary>
    public double Quantile(double probability)
    {
        if (!(probability is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability strictly between 0 and 1 is required.");
        }

        if (IsNormal)
        {
            return MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, probability);
        }

        var position = probability * (SortedSample.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, SortedSample.Length - 1);
        return SortedSample[below] + (position - below) * (SortedSample[above] - SortedSample[below]);
    }

    /// <summary>P(Z &lt;= z): the standard normal CDF, or the inverse of the interpolated empirical quantile function
    /// (0 below the smallest value, 1 from the largest on).</summary>
    public double Cdf(double z)
    {
        if (IsNormal)
        {
            return MathNet.Numerics.Distributions.Normal.CDF(0, 1, z);
        }

        var sample = SortedSample;
        if (z < sample[0])
        {
            return 0;
        }

        if (z >= sample[^1])
        {
            return 1;
        }

        // The last index i with sample[i] <= z; then z lies on the segment to i + 1.
        int low = 0, high = sample.Length - 1;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (sample[middle] <= z)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        var width = sample[low + 1] - sample[low];
        var fraction = width > 0 ? (z - sample[low]) / width : 0;
        return (low + fraction) / (sample.Length - 1);
    }
}
