namespace Serverless.Domain.Events;

/// <summary>The kinds of behaviour event the backend accepts (wire names are snake_case, see docs/contracts).</summary>
public enum BehaviorEventType
{
    View,
    Click,
    Search,
    AddToCart,
    RemoveFromCart,
    Purchase,
    Refund,
    Review,
    OrderStatus,
}
