namespace Serverless.Domain.Profiles;

/// <summary>What scoring a profile did to its segment: the segment before (null if never scored) and after.</summary>
public sealed record ScoringOutcome(string? PreviousSegmentId, string SegmentId)
{
    public bool SegmentChanged => !string.Equals(PreviousSegmentId, SegmentId, StringComparison.Ordinal);
}
