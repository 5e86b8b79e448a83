using Serverless.Domain.Segments;

namespace Serverless.Application.Segments;

/// <summary>What one run of the RFM recompute job did.</summary>
/// <param name="Profiles">Profiles read.</param>
/// <param name="Purchasers">Profiles with at least one order (the population of the thresholds).</param>
/// <param name="Rescored">Profiles whose lifecycle, RFM scores or segment changed and were saved.</param>
/// <param name="SegmentChanges">Profiles that moved to another segment.</param>
/// <param name="MembershipsAdded">Missing membership documents the reconciliation created.</param>
/// <param name="MembershipsRemoved">Stale membership documents the reconciliation deleted.</param>
/// <param name="Sizes">Member count per segment id as set by the reconciliation.</param>
public sealed record RfmRecomputeReport(
    RfmThresholds Thresholds,
    int Profiles,
    int Purchasers,
    int Rescored,
    int SegmentChanges,
    int MembershipsAdded,
    int MembershipsRemoved,
    IReadOnlyDictionary<string, long> Sizes,
    DateTimeOffset StartedAt,
    TimeSpan Duration);
