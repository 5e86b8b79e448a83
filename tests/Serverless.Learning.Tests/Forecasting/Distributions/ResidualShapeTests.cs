using Serverless.Learning.Forecasting.Arima;
using Serverless.Learning.Forecasting.Distributions;
using Serverless.Learning.Forecasting.Ets;
using Serverless.Learning.Forecasting.Naive;
using Serverless.Learning.Forecasting.Theta;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Distributions;

/// <summary>
/// The standardized in-sample residuals each model keeps are the innovations its interval variance was estimated
/// from (their squares sum to the degrees of freedom the variance divides by), and the residual shape reads them with
/// a lower tail never narrower than the normal's.
/// </summary>
public sealed class ResidualShapeTests
{
    // AirPassengers has 144 months: every model below has between 100 and 201 residuals, so its shape keeps each of
    // them (sorted), and the sum of their squares can be checked.

    [Fact]
    public void Naive_and_average_residuals_square_to_their_degrees_of_freedom()
    {
        var y = ReferenceSeries.AirPassengers;
        var naive = new NaiveTrainer().Fit(y);
        var seasonal = new NaiveTrainer(new NaiveTrainer.Options { SeasonalPeriod = 12 }).Fit(y);
        var mean = new HistoricalMeanTrainer().Fit(y);

        Assert.Equal(y.Length - 1, naive.ResidualCount);
        Assert.Equal(y.Length - 1, SumOfSquares(naive.ResidualShape), 9);
        var differences = y.Skip(1).Zip(y, (next, previous) => (next - previous) / Math.Sqrt(naive.InnovationVariance)).Order();
        Assert.Equal(differences, naive.ResidualShape.SortedSample, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(y.Length - 12, SumOfSquares(seasonal.ResidualShape), 9);
        Assert.Equal(y.Length - 1, SumOfSquares(mean.ResidualShape), 9);
        Assert.Equal((y.Max() - mean.Mean) / Math.Sqrt(mean.Variance), mean.ResidualShape.SortedSample[^1], 12);
    }

    [Fact]
    public void Ets_residuals_are_the_innovations_its_variance_divides_by_n_minus_the_estimated_parameters()
    {
        var y = ReferenceSeries.AirPassengers;
        var model = new EtsTrainer(new EtsTrainer.Options { SeasonalPeriod = 12 }).Fit(y);

        Assert.Equal(y.Length, model.ResidualCount);
        // ParameterCount counts sigma as well; the variance divides by n - (ParameterCount - 1).
        Assert.Equal(y.Length - (model.ParameterCount - 1), SumOfSquares(model.ResidualShape), 6);
    }

    [Fact]
    public void Arima_residuals_are_the_filter_innovations_scaled_by_the_corrected_variance()
    {
        var y = ReferenceSeries.AirPassengers;
        var model = new ArimaTrainer().Fit(y);

        Assert.Equal(y.Length - model.Order.Differences, model.ResidualCount);
        Assert.Equal(model.ResidualCount - model.Order.CoefficientCount, SumOfSquares(model.ResidualShape), 6);
    }

    [Fact]
    public void Theta_residuals_are_those_of_its_simple_exponential_smoothing()
    {
        var y = ReferenceSeries.AirPassengers;
        var model = new ThetaTrainer(new ThetaTrainer.Options { SeasonalPeriod = 12 }).Fit(y);

        // Alpha and the initial level are estimated.
        Assert.Equal(y.Length, model.ResidualCount);
        Assert.Equal(y.Length - 2, SumOfSquares(model.ResidualShape), 6);
    }

    [Fact]
    public void A_model_with_fewer_than_the_minimum_residuals_keeps_the_normal()
    {
        var model = new EtsTrainer().Fit(ReferenceSeries.UciWeeklyP1);

        Assert.Equal(52, model.ResidualCount);
        Assert.True(model.ResidualShape.IsNormal);
    }

    [Fact]
    public void Too_few_residuals_leave_the_normal()
    {
        var shape = StandardizedErrors.FromResiduals(Enumerable.Range(0, StandardizedErrors.MinimumResiduals - 1).Select(i => i / 10.0));

        Assert.True(shape.IsNormal);
        Assert.Equal(1.2815515655446004, shape.Quantile(0.9), 12);
    }

    [Fact]
    public void A_skewed_shape_keeps_its_upper_tail_and_never_a_lower_tail_narrower_than_the_normal()
    {
        // A right-skewed sample: standardized exponential draws (mean 0, variance 1), fixed seed.
        var random = new Random(11);
        var sample = Enumerable.Range(0, 1000).Select(_ => -Math.Log(1 - random.NextDouble()) - 1).ToArray();
        var shape = StandardizedErrors.FromResiduals(sample);
        var sorted = sample.Order().ToArray();

        Assert.Equal(StandardizedErrors.MaximumShapePoints, shape.SortedSample.Length);
        Assert.Equal(LowerTail.NoNarrowerThanNormal, shape.LowerTail);
        Assert.Equal(sorted[0], shape.SortedSample[0]);
        Assert.Equal(sorted[^1], shape.SortedSample[^1]);
        // Upper half: the sample's own quantiles (0.9 and 0.975 fall on kept points), near the exponential's
        // q(0.9) = ln 10 - 1 = 1.30 and q(0.975) = ln 40 - 1 = 2.69 (sampling error about 0.2 at 0.975).
        Assert.Equal(TypeSevenQuantile(sorted, 0.9), shape.Quantile(0.9), 9);
        Assert.Equal(TypeSevenQuantile(sorted, 0.975), shape.Quantile(0.975), 9);
        Assert.InRange(shape.Quantile(0.9), Math.Log(10) - 1 - 0.15, Math.Log(10) - 1 + 0.15);
        Assert.InRange(shape.Quantile(0.975), Math.Log(40) - 1 - 0.4, Math.Log(40) - 1 + 0.4);
        // Lower half: the exponential's q(0.1) = -0.89 is narrower than the normal's -1.28, so the normal's is read.
        Assert.Equal(-1.2815515655446004, shape.Quantile(0.1), 12);
        Assert.Equal(-1.959963984540054, shape.Quantile(0.025), 12);
        foreach (var p in new[] { 0.025, 0.1, 0.3, 0.6, 0.8, 0.9, 0.975 })
        {
            Assert.Equal(p, shape.Cdf(shape.Quantile(p)), 6);
        }
    }

    [Fact]
    public void A_lower_tail_wider_than_the_normal_is_read_from_the_sample()
    {
        // Left-skewed: the negated exponential sample; its q(0.025) = -(ln 40 - 1) = -2.69 is below the normal's -1.96.
        var random = new Random(12);
        var shape = StandardizedErrors.FromResiduals(Enumerable.Range(0, 1000).Select(_ => 1 + Math.Log(1 - random.NextDouble())));

        Assert.InRange(shape.Quantile(0.025), -(Math.Log(40) - 1) - 0.4, -1.96);
        Assert.Equal(0.025, shape.Cdf(shape.Quantile(0.025)), 6);
    }

    private static double TypeSevenQuantile(double[] sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        return sorted[below] + (position - below) * (sorted[Math.Min(below + 1, sorted.Length - 1)] - sorted[below]);
    }

    private static double SumOfSquares(StandardizedErrors shape)
    {
        Assert.False(shape.IsNormal);
        return shape.SortedSample.Sum(v => v * v);
    }
}
