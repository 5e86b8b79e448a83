using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;
using Xunit;
using static Serverless.Domain.Tests.Support.Events;

namespace Serverless.Domain.Tests.Segments;

public sealed class RfmThresholdCalculatorTests
{
    [Fact]
    public void Percentile_interpolates_linearly_between_closest_ranks()
    {
        // numpy.percentile([1, 2, 3, 4, 10], [20, 40, 60, 80]) == [1.8, 2.6, 3.4, 5.2]
        double[] values = [1, 2, 3, 4, 10];
        Assert.Equal(1.8, RfmThresholdCalculator.Percentile(values, 0.2), 12);
        Assert.Equal(2.6, RfmThresholdCalculator.Percentile(values, 0.4), 12);
        Assert.Equal(3.4, RfmThresholdCalculator.Percentile(values, 0.6), 12);
        Assert.Equal(5.2, RfmThresholdCalculator.Percentile(values, 0.8), 12);
        Assert.Equal(1, RfmThresholdCalculator.Percentile(values, 0));
        Assert.Equal(10, RfmThresholdCalculator.Percentile(values, 1));
        Assert.Equal(7, RfmThresholdCalculator.Percentile([7], 0.6));
    }

    [Fact]
    public void Cut_points_are_the_quintiles_of_1_to_20()
    {
        // h = 19p: 3.8, 7.6, 11.4, 15.2 -> 4.8, 8.6, 12.4, 16.2
        var cuts = RfmThresholdCalculator.CutPoints(Enumerable.Range(1, 20).Select(i => (double)i).Reverse(), 1);
        Assert.Equal([4.8, 8.6, 12.4, 16.2], cuts.Select(c => Math.Round(c, 10)));
    }

    [Fact]
    public void Tied_cut_points_are_raised_by_the_resolution_to_stay_strictly_increasing()
    {
        // 14 ones, 3 twos, 2 threes, one 9: quintiles 1, 1, 1, 2 -> 1, 2, 3, 4
        var orders = Enumerable.Repeat(1.0, 14).Concat([2, 2, 2, 3, 3, 9]);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], RfmThresholdCalculator.CutPoints(orders, RfmThresholdCalculator.FrequencyResolution));

        var money = Enumerable.Repeat(20.0, 30);
        Assert.Equal([20.0, 20.01, 20.02, 20.03], RfmThresholdCalculator.CutPoints(money, 0.01).Select(c => Math.Round(c, 6)));
    }

    [Fact]
    public void Thresholds_come_from_purchasers_only()
    {
        var asOf = T0.AddDays(100);
        var profiles = new List<UserProfile>();
        for (var i = 1; i <= 20; i++)
        {
            profiles.Add(new UserProfile
            {
                UserId = $"u{i}",
                OrderCount = i,
                NetRevenue = 10m * i,
                LastPurchaseAt = asOf.AddDays(-i),
            });
        }

        profiles.Add(new UserProfile { UserId = "browser" });

        var thresholds = RfmThresholdCalculator.Compute(profiles, asOf);

        Assert.Equal(20, thresholds.Population);
        Assert.Equal(asOf, thresholds.ComputedAt);
        Assert.Equal([4.8, 8.6, 12.4, 16.2], thresholds.RecencyDays.Select(c => Math.Round(c, 10)));
        Assert.Equal([4.8, 8.6, 12.4, 16.2], thresholds.Frequency.Select(c => Math.Round(c, 10)));
        Assert.Equal([48.0, 86.0, 124.0, 162.0], thresholds.Monetary.Select(c => Math.Round(c, 10)));
    }

    [Fact]
    public void Fewer_than_20_purchasers_fall_back_to_the_defaults()
    {
        var profiles = Enumerable.Range(1, 19).Select(i => new UserProfile
        {
            UserId = $"u{i}",
            OrderCount = 1,
            NetRevenue = i,
            LastPurchaseAt = T0,
        });

        Assert.Same(RfmThresholds.Default, RfmThresholdCalculator.Compute(profiles, T0));
    }
}
