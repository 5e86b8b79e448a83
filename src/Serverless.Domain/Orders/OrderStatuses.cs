namespace Serverless.Domain.Orders;

/// <summary>The order statuses an <c>order_status</c> event may carry.</summary>
public static class OrderStatuses
{
    public const string Placed = "placed";
    public const string Paid = "paid";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";
    public const string Returned = "returned";

    public static IReadOnlyList<string> All { get; } = [Placed, Paid, Shipped, Delivered, Cancelled, Returned];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);
}
