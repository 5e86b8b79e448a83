using Serverless.Domain.Events;

namespace Serverless.Domain.Tests.Support;

/// <summary>Builders of valid events; tests change what they exercise with <c>with</c>.</summary>
public static class Events
{
    public const string UserId = "user-1";

    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static BehaviorEvent View(string eventId, DateTimeOffset at, string productId = "p1", string? category = "shoes", string? brand = "acme") => new()
    {
        EventId = eventId,
        UserId = UserId,
        Type = BehaviorEventType.View,
        OccurredAt = at,
        ProductId = productId,
        Category = category,
        Brand = brand,
    };

    public static BehaviorEvent Cart(string eventId, DateTimeOffset at, string productId, int quantity, bool add = true) => new()
    {
        EventId = eventId,
        UserId = UserId,
        Type = add ? BehaviorEventType.AddToCart : BehaviorEventType.RemoveFromCart,
        OccurredAt = at,
        ProductId = productId,
        Quantity = quantity,
        Category = "shoes",
    };

    public static BehaviorEvent Search(string eventId, DateTimeOffset at, string query) => new()
    {
        EventId = eventId,
        UserId = UserId,
        Type = BehaviorEventType.Search,
        OccurredAt = at,
        Query = query,
    };

    public static BehaviorEvent Purchase(string eventId, DateTimeOffset at, string orderId, params OrderLine[] lines) => new()
    {
        EventId = eventId,
        UserId = UserId,
        Type = BehaviorEventType.Purchase,
        OccurredAt = at,
        OrderId = orderId,
        Currency = "EUR",
        Lines = lines.Length > 0 ? lines : [Line("p1", 1, 10m)],
    };

    public static OrderLine Line(string productId, int quantity, decimal unitPrice, string? category = "shoes", string? brand = "acme") => new()
    {
        ProductId = productId,
        Quantity = quantity,
        UnitPrice = unitPrice,
        Category = category,
        Brand = brand,
    };

    public static BehaviorEvent Refund(string eventId, DateTimeOffset at, string orderId, decimal amount) => new()
    {
        EventId = eventId,
        UserId = UserId,
        Type = BehaviorEventType.Refund,
        OccurredAt = at,
        OrderId = orderId,
        Amount = amount,
        Currency = "EUR",
    };

    public static BehaviorEvent Review(string eventId, DateTimeOffset at, string productId, int rating, string? category = "shoes") => new()
    {
        EventId = eventId,
        UserId = UserId,
        Type = BehaviorEventType.Review,
        OccurredAt = at,
        ProductId = productId,
        Rating = rating,
        Category = category,
    };

    public static BehaviorEvent Status(string eventId, DateTimeOffset at, string orderId, string status) => new()
    {
        EventId = eventId,
        UserId = UserId,
        Type = BehaviorEventType.OrderStatus,
        OccurredAt = at,
        OrderId = orderId,
        Status = status,
    };
}
