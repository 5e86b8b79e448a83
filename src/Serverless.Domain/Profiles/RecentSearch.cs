namespace Serverless.Domain.Profiles;

/// <summary>One search the user made; kept with its time so late events land in the right place.</summary>
public sealed record RecentSearch(string Query, DateTimeOffset At, string EventId);
