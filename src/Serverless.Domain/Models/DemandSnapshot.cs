namespace Serverless.Domain.Models;

/// <summary>
/// The forecasting's compact copy of the purchases in the event archive: per archive hour, units per product, and the
/// archive's last-modified time when the hour was read. A load re-reads only the hours whose blobs changed since (new
/// hours, late events) and replaces them whole, so the merge is exact and history is not read again every night.
/// </summary>
public sealed class DemandSnapshot
{
    /// <summary>When the snapshot was last merged; null for an empty, never merged snapshot.</summary>
    public DateTimeOffset? MergedAt { get; init; }

    /// <summary>The hours held, oldest first.</summary>
    public IReadOnlyList<DemandSnapshotHour> Hours { get; init; } = [];

    public static DemandSnapshot Empty { get; } = new();
}
