using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Distributions;
using Serverless.Learning.Forecasting.Inventory;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Inventory;

public sealed class InventoryPlannerTests
{
    [Fact]
    public void Reorder_point_and_order_up_to_level_are_service_level_quantiles_of_cumulative_demand()
    {
        // 10 units per period; the cumulative error sd over L periods is 3 sqrt(L) (independent errors of sd 3).
        var distribution = Distribution(integerValued: false);

        var targets = InventoryPlanner.Plan(distribution, leadTimePeriods: 4, reviewPeriods: 5, serviceLevel: 0.95);

        var z = 1.6448536269514722;
        Assert.Equal(40, targets.LeadTimeDemand, 9);
        Assert.Equal(40 + z * 3 * 2, targets.ReorderPoint, 9);
        Assert.Equal(z * 6, targets.SafetyStock, 9);
        Assert.Equal(90, targets.ProtectionDemand, 9);
        Assert.Equal(90 + z * 9, targets.OrderUpToLevel, 9);
        Assert.Equal(targets.OrderUpToLevel - 30, targets.OrderQuantity(30), 9);
        Assert.Equal(0, targets.OrderQuantity(500));
    }

    [Fact]
    public void Count_data_gets_whole_units_from_the_continuity_corrected_quantile()
    {
        var targets = InventoryPlanner.Plan(Distribution(integerValued: true), 4, 5, 0.95);

        // 40 + 9.87 = 49.87 -> the smallest k with G(k + 1/2) >= 0.95 is 50; 90 + 14.80 = 104.80 -> 105.
        Assert.Equal(50, targets.ReorderPoint);
        Assert.Equal(105, targets.OrderUpToLevel);
    }

    [Fact]
    public void Lead_time_beyond_the_horizon_or_a_service_level_of_one_is_refused()
    {
        var distribution = Distribution(integerValued: false);

        Assert.Throws<ArgumentOutOfRangeException>(() => InventoryPlanner.Plan(distribution, 8, 5, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => InventoryPlanner.Plan(distribution, 2, 0, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => InventoryPlanner.Plan(distribution, 0, 0, 0.9));
    }

    private static ForecastDistribution Distribution(bool integerValued)
    {
        const int horizon = 12;
        var mean = Enumerable.Repeat(10.0, horizon).ToImmutableArray();
        var scale = Enumerable.Repeat(3.0, horizon).ToImmutableArray();
        var cumulative = Enumerable.Range(1, horizon).Select(l => 3 * Math.Sqrt(l)).ToImmutableArray();
        return new ForecastDistribution(mean, scale, cumulative, StandardizedErrors.Normal, StandardizedErrors.Normal, IntervalSource.Analytic, true, integerValued);
    }
}
