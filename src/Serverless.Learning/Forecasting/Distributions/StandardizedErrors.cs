using System.Collections.Immutable;
using MathNet.Numerics.Distributions;

namespace Serverless.Learning.Forecasting.Distributions;

/// <summary>
/// The distribution of forecast errors divided by their scale: the standard normal, or the empirical distribution of a
/// sample of standardised errors read with linear interpolation between order statistics (Hyndman and Fan's type 7,
/// R's default <c>quantile</c>). A sample of in-sample residuals (<see cref="FromResiduals"/>) is read with its lower
/// half never narrower than the normal's (<see cref="LowerTail.NoNarrowerThanNormal"/>).
/// </summary>
public sealed class StandardizedErrors
{
    private StandardizedErrors(ImmutableArray<double> sortedSample, LowerTail lowerTail = LowerTail.Sample)
    {
        SortedSample = sortedSample;
        LowerTail = lowerTail;
    }

    /// <summary>
    /// The fewest residuals <see cref="FromResiduals"/> turns into a shape; fewer leave the normal. The 97.5% quantile
    /// of a few dozen residuals rests on the largest one or two and comes out too narrow: on the UCI weekly data (about
    /// 44 residuals a series) a shape lowered coverage and worsened the interval scores (docs/quality.md).
    /// </summary>
    public const int MinimumResiduals = 100;

    /// <summary>The most points a residual shape keeps: longer samples are reduced to this many evenly spaced quantiles.</summary>
    public const int MaximumShapePoints = 201;

    /// <summary>The standard normal distribution.</summary>
    public static StandardizedErrors Normal { get; } = new(ImmutableArray<double>.Empty);

    /// <summary>Sorted sample of standardised errors; empty for the normal distribution.</summary>
    public ImmutableArray<double> SortedSample { get; }

    public bool IsNormal => SortedSample.IsEmpty;

    /// <summary>How the lower half of the sample is read.</summary>
    public LowerTail LowerTail { get; }

    /// <summary>An empirical distribution; non-finite values are dropped, and an empty sample means the normal.</summary>
    public static StandardizedErrors FromSample(IEnumerable<double> sample)
    {
        var sorted = sample.Where(double.IsFinite).OrderBy(v => v).ToImmutableArray();
        return sorted.IsEmpty ? Normal : new StandardizedErrors(sorted);
    }

    /// <summary>
    /// The shape of a model's one-step in-sample residuals, already divided by the innovation standard deviation, for
    /// its analytic intervals (or an intermittent method's one-step spread). Demand errors are skewed to the right with a long upper tail (a rare large order), so the
    /// normal's upper quantiles miss: too wide at 90%, too narrow at 97.5%. The lower half is read as the wider of the
    /// sample and the normal, because a history's residuals understate how far demand can fall below the forecast (a day
    /// without sales at a level the history never had zeros). Non-finite values are dropped; fewer than
    /// <see cref="MinimumResiduals"/> give the normal, more than <see cref="MaximumShapePoints"/> are reduced to that
    /// many quantiles.
    /// </summary>
    public static StandardizedErrors FromResiduals(IEnumerable<double> standardizedResiduals)
    {
        var sample = FromSample(standardizedResiduals);
        if (sample.IsNormal || sample.SortedSample.Length < MinimumResiduals)
        {
            return Normal;
        }

        var points = sample.SortedSample;
        if (points.Length > MaximumShapePoints)
        {
            var reduced = new double[MaximumShapePoints];
            for (var i = 0; i < reduced.Length; i++)
            {
                reduced[i] = sample.SampleQuantile((double)i / (MaximumShapePoints - 1));
            }

            points = ImmutableArray.Create(reduced);
        }

        return new StandardizedErrors(points, LowerTail.NoNarrowerThanNormal);
    }

    /// <summary>A shape saved from <see cref="FromResiduals"/>: the sorted points as they were.</summary>
    internal static StandardizedErrors ResidualShape(ImmutableArray<double> sortedPoints) =>
        sortedPoints.IsEmpty ? Normal : new StandardizedErrors(sortedPoints, LowerTail.NoNarrowerThanNormal);

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

        var quantile = SampleQuantile(probability);
        return LowerTail == LowerTail.NoNarrowerThanNormal && probability < 0.5
            ? Math.Min(quantile, MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, probability))
            : quantile;
    }

    /// <summary>Type-7 quantile of the sample, p in [0, 1].</summary>
    private double SampleQuantile(double probability)
    {
        var position = probability * (SortedSample.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, SortedSample.Length - 1);
        return SortedSample[below] + (position - below) * (SortedSample[above] - SortedSample[below]);
    }

    /// <summary>P(Z &lt;= z): the standard normal CDF, or the inverse of the interpolated empirical quantile function
    /// (0 below the smallest value, 1 from the largest on; below 1/2 with the normal's lower tail where it is wider).</summary>
    public double Cdf(double z)
    {
        if (IsNormal)
        {
            return MathNet.Numerics.Distributions.Normal.CDF(0, 1, z);
        }

        var sample = SampleCdf(z);
        // The inverse of the quantile's lower half, the smaller of two quantiles: the larger of two CDFs, below 1/2.
        return LowerTail == LowerTail.NoNarrowerThanNormal && sample < 0.5
            ? Math.Max(sample, Math.Min(MathNet.Numerics.Distributions.Normal.CDF(0, 1, z), 0.5))
            : sample;
    }

    private double SampleCdf(double z)
    {
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
