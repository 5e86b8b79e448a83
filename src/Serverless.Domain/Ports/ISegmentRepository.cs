using Serverless.Domain.Segments;

namespace Serverless.Domain.Ports;

/// <summary>
/// Container <c>segments</c> (partition key /segmentId): one summary document per segment (id "summary"), one
/// membership document per member (id = user id), and the RFM thresholds (segment id "_config", id "rfm-thresholds").
/// </summary>
public interface ISegmentRepository
{
    Task<RfmThresholds?> GetThresholdsAsync(CancellationToken cancellationToken);

    Task SaveThresholdsAsync(RfmThresholds thresholds, CancellationToken cancellationToken);

    /// <summary>Adds the membership; false when the user was already a member (nothing changed).</summary>
    Task<bool> AddMemberAsync(SegmentMember member, CancellationToken cancellationToken);

    /// <summary>Removes the membership; false when the user was not a member (nothing changed).</summary>
    Task<bool> RemoveMemberAsync(string segmentId, string userId, CancellationToken cancellationToken);

    /// <summary>Atomically adds <paramref name="delta"/> to the segment's member count (creating the summary if needed).</summary>
    Task AdjustSizeAsync(string segmentId, long delta, CancellationToken cancellationToken);

    /// <summary>Overwrites the member count (used by the reconciliation job).</summary>
    Task SetSizeAsync(string segmentId, long size, CancellationToken cancellationToken);

    /// <summary>Current member counts by segment id (segments never populated are absent).</summary>
    Task<IReadOnlyDictionary<string, long>> GetSizesAsync(IEnumerable<string> segmentIds, CancellationToken cancellationToken);

    Task<Page<SegmentMember>> ListMembersAsync(string segmentId, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
