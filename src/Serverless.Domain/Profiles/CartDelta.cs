namespace Serverless.Domain.Profiles;

/// <summary>Units added (positive) or removed (negative) by one cart event.</summary>
public sealed record CartDelta(int Quantity, DateTimeOffset At, string EventId);
