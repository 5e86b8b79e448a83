namespace Serverless.Domain.Profiles;

/// <summary>One order in the profile's purchase ledger, keyed by order id so a purchase is counted once.</summary>
/// <remarks>
/// A refund can arrive before its purchase. The entry is then kept with <see cref="Purchased"/> false, <see cref="At"/>
/// the earliest refund time and <see cref="Amount"/> 0, and does not count as an order until the purchase arrives.
/// </remarks>
public sealed record PurchaseRecord(string OrderId, DateTimeOffset At, decimal Amount, decimal Refunded)
{
    /// <summary>False while only refunds of the order have been seen.</summary>
    public bool Purchased { get; init; } = true;

    /// <summary>ISO 4217 code of the purchase.</summary>
    public string? Currency { get; init; }
}
