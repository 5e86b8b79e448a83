using Serverless.Domain.Ports;
using Serverless.Domain.Segments;

namespace Serverless.LocalHost.Tests.Hosting;

/// <summary>A segment store that is down: every call throws, with a message that must never reach a client.</summary>
internal sealed class FailingSegmentRepository : ISegmentRepository
{
    public const string SecretDetail = "connection to 10.1.2.3 refused (internal detail)";

    public Task<RfmThresholds?> GetThresholdsAsync(CancellationToken cancellationToken) => throw Failure();

    public Task SaveThresholdsAsync(RfmThresholds thresholds, CancellationToken cancellationToken) => throw Failure();

    public Task<bool> AddMemberAsync(SegmentMember member, CancellationToken cancellationToken) => throw Failure();

    public Task<bool> RemoveMemberAsync(string segmentId, string userId, CancellationToken cancellationToken) => throw Failure();

    public Task AdjustSizeAsync(string segmentId, long delta, CancellationToken cancellationToken) => throw Failure();

    public Task SetSizeAsync(string segmentId, long size, CancellationToken cancellationToken) => throw Failure();

    public Task<IReadOnlyDictionary<string, long>> GetSizesAsync(IEnumerable<string> segmentIds, CancellationToken cancellationToken) => throw Failure();

    public Task<Page<SegmentMember>> ListMembersAsync(string segmentId, int pageSize, string? continuationToken, CancellationToken cancellationToken) => throw Failure();

    private static InvalidOperationException Failure() => new(SecretDetail);
}
