using System.Collections.Immutable;

namespace Serverless.Learning.Forecasting.Distributions;

/// <summary>
/// The predictive distribution of demand over the horizon, per period and for the cumulative demand of the first L
/// periods: a location (the point forecast), a scale and the distribution of standardised errors, so that the
/// p-quantile is mean + scale x q(p). With <see cref="NonNegative"/> quantiles are clipped at zero (demand cannot be
/// negative). For <see cref="IntegerValued"/> demand (unit counts), prediction intervals have integer bounds: with the
/// continuity correction P(Y &lt;= k) = G(k + 1/2), G the continuous distribution above, the upper bound is the integer
/// whose probability of not being exceeded is closest to (1 + level) / 2, the lower bound the one whose probability of
/// being undershot is closest to (1 - level) / 2. Over many series their coverage is close to nominal, where always
/// rounding outwards would over-cover low counts (no interval of 0..1 units covers exactly 80%).
/// </summary>
public sealed class ForecastDistribution
{
    public ForecastDistribution(
        ImmutableArray<double> mean,
        ImmutableArray<double> scale,
        ImmutableArray<double> cumulativeScale,
        StandardizedErrors stepErrors,
        StandardizedErrors cumulativeErrors,
        IntervalSource source,
        bool nonNegative,
        bool integerValued = false)
    {
        if (scale.Length != mean.Length || cumulativeScale.Length != mean.Length)
        {
            throw new ArgumentException("One scale and one cumulative scale per step are required.", nameof(scale));
        }

        Mean = mean;
        Scale = scale;
        CumulativeScale = cumulativeScale;
        StepErrors = stepErrors;
        CumulativeErrors = cumulativeErrors;
        Source = source;
        NonNegative = nonNegative;
        IntegerValued = integerValued;
    }

    /// <summary>Point forecast per step (step 1 first).</summary>
    public ImmutableArray<double> Mean { get; }

    /// <summary>Scale of the forecast error per step (its standard deviation for analytic intervals).</summary>
    public ImmutableArray<double> Scale { get; }

    /// <summary>Scale of the error of the summed demand of steps 1..L, at index L - 1.</summary>
    public ImmutableArray<double> CumulativeScale { get; }

    public StandardizedErrors StepErrors { get; }

    public StandardizedErrors CumulativeErrors { get; }

    public IntervalSource Source { get; }

    public bool NonNegative { get; }

    /// <summary>The series counts units: interval bounds are integers (see the type's remarks).</summary>
    public bool IntegerValued { get; }

    public int Horizon => Mean.Length;

    /// <summary>The p-quantile of demand in period <paramref name="step"/> (1-based).</summary>
    public double Quantile(int step, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, Horizon);
        return Clip(Mean[step - 1] + Scale[step - 1] * StepErrors.Quantile(probability));
    }

    /// <summary>The p-quantile of the total demand of periods 1..<paramref name="periods"/>.</summary>
    public double CumulativeQuantile(int periods, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(periods, Horizon);
        double mean = 0;
        for (var h = 0; h < periods; h++)
        {
            mean += Mean[h];
        }

        return Clip(mean + CumulativeScale[periods - 1] * CumulativeErrors.Quantile(probability));
    }

    /// <summary>The central prediction interval with coverage <paramref name="level"/> (e.g. 0.8) for one period.</summary>
    public (double Lower, double Upper) Interval(int step, double level)
    {
        if (!(level is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A level strictly between 0 and 1 is required.");
        }

        var lowerProbability = (1 - level) / 2;
        var upperProbability = (1 + level) / 2;
        if (!IntegerValued)
        {
            return (Quantile(step, lowerProbability), Quantile(step, upperProbability));
        }

        // Upper: k with G(k + 1/2) closest to the upper probability; the first k reaching it, or the one before.
        var upper = ClosestInteger(step, upperProbability, k => Cdf(step, k + 0.5));

        // Lower: L with P(Y < L) = G(L - 1/2) closest to the lower probability (L = 0 undershoots with probability 0
        // when demand is non-negative).
        var lower = ClosestInteger(step, lowerProbability, k => Cdf(step, k - 0.5), shift: 1);
        return (Math.Min(lower, upper), upper);
    }

    /// <summary>P(Y &lt;= x) under the continuous distribution of period <paramref name="step"/> (0 below zero when non-negative).</summary>
    public double Cdf(int step, double x)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, Horizon);
        if (NonNegative && x < 0)
        {
            return 0;
        }

        var scale = Scale[step - 1];
        var mean = Mean[step - 1];
        if (!(scale > 0))
        {
            return x >= mean ? 1 : 0;
        }

        return StepErrors.Cdf((x - mean) / scale);
    }

    /// <summary>
    /// The integer k (at least 0 when non-negative) whose probability tail(k) is closest to p, tail increasing in k: the
    /// first k with tail(k) &gt;= p follows from the continuous quantile (k = ceil(q(p) - 1/2) + shift), and the
    /// integer below it is the only other candidate. Ties go to the wider interval.
    /// </summary>
    private double ClosestInteger(int step, double probability, Func<double, double> tail, int shift = 0)
    {
        var continuous = Mean[step - 1] + Scale[step - 1] * StepErrors.Quantile(probability);
        var first = Math.Ceiling(continuous - 0.5) + shift;
        if (NonNegative)
        {
            first = Math.Max(first, 0);
        }

        // Rounding of the quantile can put "first" one off; step until it is the first integer reaching p.
        while (tail(first) < probability && first < continuous + 2)
        {
            first++;
        }

        while ((!NonNegative || first > 0) && tail(first - 1) >= probability)
        {
            first--;
        }

        var below = first - 1;
        if (NonNegative && below < 0)
        {
            return first;
        }

        var distanceFirst = Math.Abs(tail(first) - probability);
        var distanceBelow = Math.Abs(tail(below) - probability);
        var widerIsFirst = shift == 0;
        return distanceBelow < distanceFirst || (distanceBelow == distanceFirst && !widerIsFirst) ? below : first;
    }

    private double Clip(double value) => NonNegative ? Math.Max(value, 0) : value;
}
