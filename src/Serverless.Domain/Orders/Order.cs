using Serverless.Domain.Events;

namespace Serverless.Domain.Orders;

/// <summary>
/// An order as the backend knows it (container <c>orders</c>). Built from purchase, refund and order_status events,
/// which may arrive in any order: each part is merged, never overwritten blindly.
/// </summary>
public sealed class Order
{
    public required string OrderId { get; init; }

    public required string UserId { get; init; }

    /// <summary>When the purchase happened; null while only status or refund events have arrived.</summary>
    public DateTimeOffset? PlacedAt { get; set; }

    public string? Currency { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public decimal Total { get; set; }

    public decimal RefundedAmount { get; set; }

    /// <summary>The latest status by event time.</summary>
    public string? Status { get; set; }

    public DateTimeOffset? StatusAt { get; set; }

    /// <summary>Every status change seen, ordered by time, each event id once.</summary>
    public List<OrderStatusChange> StatusHistory { get; set; } = [];

    /// <summary>Ids of the events merged into this order (idempotency of refunds and status changes).</summary>
    public List<string> EventIds { get; set; } = [];
}
