namespace Serverless.Domain.Profiles;

/// <summary>An item the user touched: product, what they did (wire event type), when, and which event said so.</summary>
public sealed record RecentItem(string ProductId, string Action, DateTimeOffset At, string EventId);
