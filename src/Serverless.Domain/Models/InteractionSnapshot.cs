namespace Serverless.Domain.Models;

/// <summary>
/// The compact training data the retraining job keeps in Blob storage: the product interactions of the event archive,
/// one entry per archive hour, each remembering the archive's last-modified time when it was read. A run re-reads only
/// the hours whose archive blobs changed since (new hours, or late events in an old hour) and replaces them whole, so
/// the merge is exact and a nightly run does not re-read history.
/// </summary>
public sealed class InteractionSnapshot
{
    /// <summary>When the snapshot was last merged; null for an empty, never merged snapshot.</summary>
    public DateTimeOffset? MergedAt { get; init; }

    /// <summary>The hours held, by start of hour (UTC).</summary>
    public IReadOnlyDictionary<DateTimeOffset, SnapshotHour> Hours { get; init; } = new Dictionary<DateTimeOffset, SnapshotHour>();

    public static InteractionSnapshot Empty { get; } = new();

    public long InteractionCount => Hours.Values.Sum(hour => (long)hour.Interactions.Count);

    /// <summary>Every interaction, oldest hour first.</summary>
    public IEnumerable<SnapshotInteraction> Interactions() =>
        Hours.OrderBy(pair => pair.Key).SelectMany(pair => pair.Value.Interactions);
}
