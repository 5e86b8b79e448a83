using Serverless.Learning.Forecasting.Series;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Series;

public sealed class DemandSeriesBuilderTests
{
    [Fact]
    public void Daily_series_sum_observations_and_fill_gaps_with_zeros_up_to_the_common_end()
    {
        var series = new DemandSeriesBuilder().Build(
        [
            new DemandObservation("A", new DateOnly(2026, 3, 2), 2),
            new DemandObservation("A", new DateOnly(2026, 3, 2), 3),
            new DemandObservation("A", new DateOnly(2026, 3, 5), 1),
            new DemandObservation("B", new DateOnly(2026, 3, 6), 4),
        ]);

        Assert.Equal(["A", "B"], series.Select(s => s.Id));
        Assert.Equal(new DateOnly(2026, 3, 2), series[0].Start);
        Assert.Equal([5.0, 0, 0, 1, 0], series[0].Values.ToArray());
        Assert.Equal(new DateOnly(2026, 3, 6), series[1].Start);
        Assert.Equal([4.0], series[1].Values.ToArray());
        Assert.All(series, s => Assert.Equal(new DateOnly(2026, 3, 6), s.End));
    }

    [Fact]
    public void Weekly_series_are_ISO_weeks_dated_by_their_Monday()
    {
        // 2026-03-01 is a Sunday (week of Monday 2026-02-23); 2026-03-02 a Monday.
        var series = new DemandSeriesBuilder(new DemandSeriesBuilder.Options { Granularity = SeriesGranularity.Week }).Build(
        [
            new DemandObservation("A", new DateOnly(2026, 3, 1), 1),
            new DemandObservation("A", new DateOnly(2026, 3, 2), 2),
            new DemandObservation("A", new DateOnly(2026, 3, 8), 3),
            new DemandObservation("A", new DateOnly(2026, 3, 17), 4), // Tuesday of the week of 2026-03-16
        ]);

        Assert.Equal(new DateOnly(2026, 2, 23), series[0].Start);
        Assert.Equal([1.0, 5, 0, 4], series[0].Values.ToArray());
        Assert.Equal(new DateOnly(2026, 3, 23), series[0].PeriodStart(4));
    }

    [Fact]
    public void A_fixed_end_ignores_later_observations_and_pads_series_that_stop_early()
    {
        var series = new DemandSeriesBuilder(new DemandSeriesBuilder.Options { End = new DateOnly(2026, 1, 4), Start = SeriesStart.Common }).Build(
        [
            new DemandObservation("A", new DateOnly(2026, 1, 1), 1),
            new DemandObservation("A", new DateOnly(2026, 1, 9), 7),
            new DemandObservation("B", new DateOnly(2026, 1, 3), 2),
        ]);

        Assert.Equal([1.0, 0, 0, 0], series[0].Values.ToArray());
        Assert.Equal([0.0, 0, 2, 0], series[1].Values.ToArray());
    }

    [Fact]
    public void Negative_quantities_are_refused_with_the_series_and_date()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new DemandSeriesBuilder().Build([new DemandObservation("A", new DateOnly(2026, 1, 1), -1)]));

        Assert.Contains("2026-01-01", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_series_add_their_members_over_the_union_of_their_ranges()
    {
        var a = new DemandSeries("A", SeriesGranularity.Day, new DateOnly(2026, 1, 1), [1, 2, 3]);
        var b = new DemandSeries("B", SeriesGranularity.Day, new DateOnly(2026, 1, 2), [10, 20, 30]);

        var sum = DemandSeriesBuilder.Sum("group", [a, b]);

        Assert.Equal(new DateOnly(2026, 1, 1), sum.Start);
        Assert.Equal([1.0, 12, 23, 30], sum.Values.ToArray());
    }
}
