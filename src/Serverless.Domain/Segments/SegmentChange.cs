namespace Serverless.Domain.Segments;

/// <summary>Published to the <c>segment-changes</c> queue when a user's segment changes (From null: first segment).</summary>
public sealed record SegmentChange(string UserId, string? From, string To, string Reason, DateTimeOffset At);
