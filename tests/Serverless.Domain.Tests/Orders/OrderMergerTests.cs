using Serverless.Domain.Events;
using Serverless.Domain.Orders;
using Serverless.Domain.Tests.Support;
using Xunit;
using static Serverless.Domain.Tests.Support.Events;

namespace Serverless.Domain.Tests.Orders;

public sealed class OrderMergerTests
{
    private static readonly BehaviorEvent[] History =
    [
        Purchase("e1", T0, "o1", Line("p1", 2, 10m), Line("p2", 1, 5m)),
        Status("e2", T0, "o1", "placed"),
        Status("e3", T0.AddHours(1), "o1", "paid"),
        Status("e4", T0.AddDays(1), "o1", "shipped"),
        Refund("e5", T0.AddDays(3), "o1", 5m),
        Status("e6", T0.AddDays(2), "o1", "delivered"),
        Refund("e7", T0.AddDays(4), "o1", 2.5m),
    ];

    private static Order Merge(IEnumerable<BehaviorEvent> events)
    {
        var list = events.ToList();
        var order = OrderMerger.Create(list[0]);
        foreach (var e in list)
        {
            OrderMerger.Merge(order, e);
        }

        return order;
    }

    [Fact]
    public void Merges_the_purchase_refunds_and_the_latest_status()
    {
        var order = Merge(History);

        Assert.Equal(T0, order.PlacedAt);
        Assert.Equal(25m, order.Total);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal(2, order.Lines.Count);
        Assert.Equal(7.5m, order.RefundedAmount);
        Assert.Equal("delivered", order.Status);
        Assert.Equal(T0.AddDays(2), order.StatusAt);
        Assert.Equal(["placed", "paid", "shipped", "delivered"], order.StatusHistory.Select(s => s.Status));
        Assert.Equal(7, order.EventIds.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Any_arrival_order_and_redeliveries_give_the_same_order(int seed)
    {
        var expected = Merge(History);
        var shuffled = RealisticHistory.Shuffle(History.Concat(History.Take(3)), seed);

        JsonEquivalence.AssertEquivalent(expected, Merge(shuffled));
    }

    [Fact]
    public void A_repeated_event_is_not_merged_twice()
    {
        var order = Merge(History);
        Assert.False(OrderMerger.Merge(order, History[4]));
        Assert.Equal(7.5m, order.RefundedAmount);
    }

    [Fact]
    public void Status_before_purchase_leaves_the_purchase_fields_empty_until_it_arrives()
    {
        var order = Merge([Status("e2", T0.AddDays(1), "o1", "shipped")]);
        Assert.Null(order.PlacedAt);
        Assert.Equal("shipped", order.Status);

        OrderMerger.Merge(order, History[0]);
        Assert.Equal(T0, order.PlacedAt);
        Assert.Equal("shipped", order.Status);
    }

    [Fact]
    public void Equal_status_times_are_ordered_by_event_id()
    {
        var order = Merge([Status("b", T0, "o1", "cancelled"), Status("a", T0, "o1", "paid")]);
        Assert.Equal("cancelled", order.Status);
    }

    [Fact]
    public void An_event_of_another_order_is_refused() =>
        Assert.Throws<ArgumentException>(() => OrderMerger.Merge(Merge(History), Status("x", T0, "o2", "paid")));
}
