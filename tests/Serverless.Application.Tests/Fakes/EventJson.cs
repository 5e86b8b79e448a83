using System.Text.Json;
using Serverless.Domain.Events;
using Serverless.Domain.Json;

namespace Serverless.Application.Tests.Fakes;

/// <summary>Valid events as queue message text, relative to <see cref="TestApplication.Start"/>.</summary>
public static class EventJson
{
    public static string Of(BehaviorEvent e) => JsonSerializer.Serialize(e, DomainJson.Options);

    public static BehaviorEvent View(string eventId, string userId, DateTimeOffset at, string productId = "p1", string category = "shoes") => new()
    {
        EventId = eventId,
        UserId = userId,
        Type = BehaviorEventType.View,
        OccurredAt = at,
        ProductId = productId,
        Category = category,
        Brand = "acme",
    };

    public static BehaviorEvent AddToCart(string eventId, string userId, DateTimeOffset at, string productId, int quantity) => new()
    {
        EventId = eventId,
        UserId = userId,
        Type = BehaviorEventType.AddToCart,
        OccurredAt = at,
        ProductId = productId,
        Quantity = quantity,
        Category = "shoes",
    };

    public static BehaviorEvent Purchase(string eventId, string userId, DateTimeOffset at, string orderId, decimal unitPrice, int quantity = 1, string productId = "p1") => new()
    {
        EventId = eventId,
        UserId = userId,
        Type = BehaviorEventType.Purchase,
        OccurredAt = at,
        OrderId = orderId,
        Currency = "EUR",
        Lines = [new OrderLine { ProductId = productId, Quantity = quantity, UnitPrice = unitPrice, Category = "shoes", Brand = "acme" }],
    };

    public static BehaviorEvent Refund(string eventId, string userId, DateTimeOffset at, string orderId, decimal amount) => new()
    {
        EventId = eventId,
        UserId = userId,
        Type = BehaviorEventType.Refund,
        OccurredAt = at,
        OrderId = orderId,
        Amount = amount,
        Currency = "EUR",
    };

    public static BehaviorEvent Status(string eventId, string userId, DateTimeOffset at, string orderId, string status) => new()
    {
        EventId = eventId,
        UserId = userId,
        Type = BehaviorEventType.OrderStatus,
        OccurredAt = at,
        OrderId = orderId,
        Status = status,
    };
}
