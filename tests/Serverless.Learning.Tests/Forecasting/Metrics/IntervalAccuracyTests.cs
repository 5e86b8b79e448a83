using Serverless.Learning.Forecasting.Metrics;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Metrics;

public sealed class IntervalAccuracyTests
{
    [Fact]
    public void Coverage_counts_values_on_the_bounds_as_inside()
    {
        Assert.Equal(0.75, IntervalAccuracy.Coverage([1, 2, 3, 9], [1, 0, 3, 0], [1, 5, 4, 8]), 12);
    }

    [Fact]
    public void Width_is_the_mean_distance_between_bounds()
    {
        Assert.Equal(2.5, IntervalAccuracy.MeanWidth([0, 1], [2, 4]), 12);
    }

    [Fact]
    public void Pinball_loss_weighs_under_and_over_prediction_by_the_quantile()
    {
        // q = 0.9: actual 10 above quantile 8 costs 0.9 x 2; actual 5 below quantile 8 costs 0.1 x 3.
        Assert.Equal((1.8 + 0.3) / 2, IntervalAccuracy.PinballLoss([10, 5], [8, 8], 0.9), 12);
    }

    [Fact]
    public void Interval_score_adds_the_width_and_2_over_alpha_times_each_miss()
    {
        // 95%: width 4 each; the second actual is 1 above the upper bound: + 40 x 1; mean (4 + 44) / 2 = 24; scale 2.
        Assert.Equal(12, IntervalAccuracy.ScaledIntervalScore([3, 7], [1, 2], [5, 6], 0.95, 2), 12);
    }
}
