using Serverless.Domain.Events;

namespace Serverless.Domain.Orders;

/// <summary>
/// Merges purchase, refund and order_status events into an <see cref="Order"/>. Idempotent by event id and
/// commutative: the purchase with the earliest time wins, refunds add up, the status is the latest by event time
/// (ties broken by event id), and every list is kept in a canonical order.
/// </summary>
public static class OrderMerger
{
    public static bool IsOrderEvent(BehaviorEvent e) =>
        e.Type is BehaviorEventType.Purchase or BehaviorEventType.Refund or BehaviorEventType.OrderStatus && e.OrderId is not null;

    /// <summary>Creates an empty order for the event's user and order id.</summary>
    public static Order Create(BehaviorEvent e) => new()
    {
        OrderId = e.OrderId ?? throw new ArgumentException("The event names no order.", nameof(e)),
        UserId = e.UserId,
    };

    /// <summary>Merges <paramref name="e"/> into <paramref name="order"/>; false (no change) when it was merged before.</summary>
    public static bool Merge(Order order, BehaviorEvent e)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(e);
        if (!IsOrderEvent(e) || e.OrderId != order.OrderId || e.UserId != order.UserId)
        {
            throw new ArgumentException($"Event {e.EventId} is not an event of order {order.OrderId}.", nameof(e));
        }

        var index = order.EventIds.BinarySearch(e.EventId, StringComparer.Ordinal);
        if (index >= 0)
        {
            return false;
        }

        order.EventIds.Insert(~index, e.EventId);
        switch (e.Type)
        {
            case BehaviorEventType.Purchase:
                MergePurchase(order, e);
                break;
            case BehaviorEventType.Refund:
                order.RefundedAmount += e.Amount ?? (e.Lines ?? []).Sum(l => l.Total);
                order.Currency ??= e.Currency;
                break;
            case BehaviorEventType.OrderStatus:
                MergeStatus(order, e);
                break;
        }

        return true;
    }

    private static void MergePurchase(Order order, BehaviorEvent e)
    {
        var lines = (e.Lines ?? []).ToList();
        var total = lines.Sum(l => l.Total);
        var wins = order.PlacedAt is not { } placed
            || e.OccurredAt < placed
            || (e.OccurredAt == placed && total > order.Total);
        if (!wins)
        {
            return;
        }

        order.PlacedAt = e.OccurredAt;
        order.Lines = lines;
        order.Total = total;
        order.Currency = e.Currency ?? order.Currency;
    }

    private static void MergeStatus(Order order, BehaviorEvent e)
    {
        order.StatusHistory.Add(new OrderStatusChange(e.Status!, e.OccurredAt, e.EventId));
        order.StatusHistory.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.EventId, b.EventId));
        var latest = order.StatusHistory[^1];
        order.Status = latest.Status;
        order.StatusAt = latest.At;
    }
}
