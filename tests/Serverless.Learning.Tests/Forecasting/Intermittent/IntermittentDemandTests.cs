using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Intermittent;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Intermittent;

/// <summary>Croston, SBA and TSB on a series small enough to follow by hand (alpha = beta = 0.1).</summary>
public sealed class IntermittentDemandTests
{
    // Demands of 5, 3 and 4 in periods 3, 7 and 9 (1-based); intervals 3, 4, 2.
    private static readonly double[] Series = [0, 0, 5, 0, 0, 0, 3, 0, 4, 0, 0, 0];

    [Fact]
    public void Croston_smooths_sizes_and_intervals_like_R_croston()
    {
        var model = Fit(IntermittentMethod.Croston);

        // Sizes: 5 -> 5 + 0.1 (3 - 5) = 4.8 -> 4.8 + 0.1 (4 - 4.8) = 4.72; intervals: 3 -> 3.1 -> 2.99.
        Assert.Equal(4.72, model.Size, 12);
        Assert.Equal(2.99, model.Interval, 12);
        // R: croston(c(0,0,5,0,0,0,3,0,4,0,0,0), alpha = 0.1) forecasts 1.57859531772575.
        Assert.All(model.Forecast(3).Mean, value => Assert.Equal(1.57859531772575, value, 12));
        Assert.Equal(ForecastMethod.Croston, model.Method);
    }

    [Fact]
    public void Syntetos_Boylan_removes_Croston_bias_by_one_minus_half_alpha()
    {
        var model = Fit(IntermittentMethod.SyntetosBoylan);

        Assert.Equal(0.95 * 4.72 / 2.99, model.Forecast(1).Mean[0], 12);
    }

    [Fact]
    public void Teunter_Syntetos_Babai_decays_the_demand_probability_in_every_period_without_demand()
    {
        var model = Fit(IntermittentMethod.TeunterSyntetosBabai);

        // From period 3: p = 1/3, then 0.3, 0.27, 0.243; demand: 0.243 + 0.1 (1 - 0.243) = 0.3187; 0.28683; demand:
        // 0.358147; then 0.3223323, 0.29009907, 0.261089163. Size 5 -> 4.8 -> 4.72.
        Assert.Equal(0.261089163, model.Probability, 9);
        Assert.Equal(4.72, model.Size, 12);
        Assert.Equal(0.261089163 * 4.72, model.Forecast(2).Mean[1], 9);
    }

    [Theory]
    [InlineData(IntermittentMethod.Croston)]
    [InlineData(IntermittentMethod.SyntetosBoylan)]
    [InlineData(IntermittentMethod.TeunterSyntetosBabai)]
    public void A_history_without_demand_forecasts_zero(IntermittentMethod method)
    {
        var model = new IntermittentDemandTrainer(new IntermittentDemandTrainer.Options { Method = method }).Fit([0, 0, 0, 0]);

        Assert.All(model.Forecast(4).Mean, value => Assert.Equal(0, value));
        Assert.False(model.Forecast(4).HasAnalyticIntervals);
    }

    [Theory]
    [InlineData(IntermittentMethod.Croston)]
    [InlineData(IntermittentMethod.SyntetosBoylan)]
    [InlineData(IntermittentMethod.TeunterSyntetosBabai)]
    public void The_residual_variance_is_the_mean_square_of_each_period_minus_the_rate_fitted_before_it(IntermittentMethod method)
    {
        // The series ten times over: demand first in period 3, so 117 one-step errors (enough for a shape, which keeps
        // each of them, sorted).
        var history = Enumerable.Repeat(Series, 10).SelectMany(part => part).ToArray();
        var trainer = new IntermittentDemandTrainer(new IntermittentDemandTrainer.Options { Method = method });

        var model = trainer.Fit(history);

        // Independently: refit on each prefix that contains the first demand and compare its rate with the next period.
        var errors = Enumerable.Range(3, history.Length - 3).Select(t => history[t] - trainer.Fit(history.AsSpan(0, t)).Rate).ToArray();
        Assert.Equal(117, errors.Length);
        Assert.Equal(117, model.ResidualCount);
        Assert.Equal(errors.Average(e => e * e), model.ResidualVariance, 12);
        Assert.Equal(errors.Select(e => e / Math.Sqrt(model.ResidualVariance)).Order(), model.ResidualShape.SortedSample, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Fewer_than_the_minimum_one_step_errors_give_no_residual_variance()
    {
        // Demand first in period 3 of 12: 9 one-step errors.
        var model = Fit(IntermittentMethod.Croston);

        Assert.True(double.IsNaN(model.ResidualVariance));
        Assert.True(model.ResidualShape.IsNormal);
        Assert.Equal(10, IntermittentDemandModel.MinimumResiduals);
    }

    [Fact]
    public void Options_out_of_range_are_refused_naming_the_option()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new IntermittentDemandTrainer(new IntermittentDemandTrainer.Options { SizeSmoothing = 1.5 }));

        Assert.Contains(nameof(IntermittentDemandTrainer.Options.SizeSmoothing), exception.Message, StringComparison.Ordinal);
    }

    private static IntermittentDemandModel Fit(IntermittentMethod method) =>
        new IntermittentDemandTrainer(new IntermittentDemandTrainer.Options { Method = method }).Fit(Series);
}
