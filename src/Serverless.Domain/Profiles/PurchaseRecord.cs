namespace Serverless.Domain.Profiles;

/// <summary>One order in the profile's purchase ledger, keyed by order id so a purchase is counted once.</summary>
public sealed record PurchaseRecord(string OrderId, DateTimeOffset At, decimal Amount, decimal Refunded);
