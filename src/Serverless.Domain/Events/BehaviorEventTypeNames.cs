namespace Serverless.Domain.Events;

/// <summary>The snake_case wire names of <see cref="BehaviorEventType"/> (the same names DomainJson writes).</summary>
public static class BehaviorEventTypeNames
{
    public static string WireName(this BehaviorEventType type) => type switch
    {
        BehaviorEventType.View => "view",
        BehaviorEventType.Click => "click",
        BehaviorEventType.Search => "search",
        BehaviorEventType.AddToCart => "add_to_cart",
        BehaviorEventType.RemoveFromCart => "remove_from_cart",
        BehaviorEventType.Purchase => "purchase",
        BehaviorEventType.Refund => "refund",
        BehaviorEventType.Review => "review",
        BehaviorEventType.OrderStatus => "order_status",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown event type."),
    };
}
