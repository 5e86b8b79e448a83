namespace Serverless.Domain.Segments;

/// <summary>
/// Published to the <c>segment-changes</c> queue when a user's segment changes (From null: first segment).
/// Contract: docs/contracts/segment-change.schema.json. Delivery is at least once: consumers treat a repeat of the
/// same (UserId, To, At) as one change.
/// </summary>
public sealed record SegmentChange(string UserId, string? From, string To, string Reason, DateTimeOffset At)
{
    public const string CurrentSchemaVersion = "1";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;
}
