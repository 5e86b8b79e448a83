using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Distributions;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Distributions;

public sealed class ForecastDistributionTests
{
    [Fact]
    public void Empirical_quantiles_interpolate_between_order_statistics_and_the_cdf_inverts_them()
    {
        var errors = StandardizedErrors.FromSample([5, 1, 4, 2, 3]);

        Assert.Equal(3, errors.Quantile(0.5), 12);
        Assert.Equal(1.4, errors.Quantile(0.1), 12);
        Assert.Equal(0.1, errors.Cdf(1.4), 12);
        Assert.Equal(0, errors.Cdf(0.5));
        Assert.Equal(1, errors.Cdf(5));
    }

    [Fact]
    public void Normal_errors_give_the_usual_quantiles()
    {
        Assert.Equal(1.959963984540054, StandardizedErrors.Normal.Quantile(0.975), 9);
        Assert.Equal(0.975, StandardizedErrors.Normal.Cdf(1.959963984540054), 9);
    }

    [Fact]
    public void Continuous_intervals_are_mean_plus_scaled_quantiles_clipped_at_zero()
    {
        var distribution = Gaussian(mean: 1, scale: 2, integerValued: false);

        var (lower, upper) = distribution.Interval(1, 0.8);

        Assert.Equal(0, lower); // 1 - 1.2816 x 2 < 0.
        Assert.Equal(1 + 1.2815515655446004 * 2, upper, 9);
    }

    [Fact]
    public void Integer_intervals_take_the_bounds_whose_tail_probabilities_are_closest_to_nominal()
    {
        // Mean 0.3, sd 0.55: P(Y <= 0) = G(0.5) = 0.642, P(Y <= 1) = G(1.5) = 0.9854, P(Y <= 2) = 0.99997.
        var distribution = Gaussian(mean: 0.3, scale: 0.55, integerValued: true);

        // 80%: upper tail target 0.9 -> 1 (0.985 is nearer than 0.642); lower target 0.1 -> 0 (P(Y < 0) = 0 is nearer than 0.642).
        Assert.Equal((0.0, 1.0), distribution.Interval(1, 0.8));
        // 95%: upper target 0.975 -> 1 (0.9854 is nearer than 0.99997).
        Assert.Equal((0.0, 1.0), distribution.Interval(1, 0.95));
    }

    [Fact]
    public void Integer_intervals_of_larger_counts_follow_the_continuity_correction()
    {
        // Mean 50, sd 5, 95%: P(Y < 40) = G(39.5) = 0.0179 and P(Y < 41) = G(40.5) = 0.0287; 0.0287 is nearer 0.025,
        // so the lower bound is 41 (and by symmetry the upper 59), although the continuous bounds are 40.2 and 59.8.
        var distribution = Gaussian(mean: 50, scale: 5, integerValued: true);

        var (lower, upper) = distribution.Interval(1, 0.95);

        Assert.Equal(41, lower);
        Assert.Equal(59, upper);
    }

    private static ForecastDistribution Gaussian(double mean, double scale, bool integerValued) => new(
        [mean], [scale], [scale], StandardizedErrors.Normal, StandardizedErrors.Normal, IntervalSource.Analytic, nonNegative: true, integerValued);
}
