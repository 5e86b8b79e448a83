using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Serverless.Domain.Ports;
using Serverless.Domain.Segments;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>
/// Container <c>segments</c> (partition key /segmentId). Per segment: one summary document (id <c>summary</c>,
/// kind <c>summary</c>) holding the member count, and one membership document per member (id = user id, kind
/// <c>member</c>), so listing members is a single-partition query. The RFM thresholds live in partition
/// <c>_config</c> under id <c>rfm-thresholds</c>.
/// </summary>
internal sealed class CosmosSegmentRepository(CosmosContainers containers) : ISegmentRepository
{
    internal const string ConfigPartition = "_config";
    internal const string ThresholdsId = "rfm-thresholds";
    internal const string SummaryId = "summary";
    internal const string MemberKind = "member";
    internal const string SummaryKind = "summary";
    internal const string ThresholdsKind = "thresholds";
    private const string KindProperty = "kind";
    private const string SegmentIdProperty = "segmentId";
    private const string SizeProperty = "size";
    private const int MaxAdjustAttempts = 5;

    public async Task<RfmThresholds?> GetThresholdsAsync(CancellationToken cancellationToken)
    {
        var stored = await containers.Segments.ReadOrNullAsync<RfmThresholds>(ThresholdsId, ConfigPartition, cancellationToken).ConfigureAwait(false);
        return stored?.Value;
    }

    public async Task SaveThresholdsAsync(RfmThresholds thresholds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var document = CosmosDocument.From(thresholds, ThresholdsId);
        document[SegmentIdProperty] = ConfigPartition;
        document[KindProperty] = ThresholdsKind;
        await containers.Segments.UpsertAsync(document, ConfigPartition, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> AddMemberAsync(SegmentMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentException.ThrowIfNullOrEmpty(member.SegmentId);
        ArgumentException.ThrowIfNullOrEmpty(member.UserId);
        var document = CosmosDocument.From(member, member.UserId);
        document[KindProperty] = MemberKind;
        return await containers.Segments.CreateOrNullAsync(document, member.SegmentId, cancellationToken).ConfigureAwait(false) is not null;
    }

    public Task<bool> RemoveMemberAsync(string segmentId, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(segmentId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return containers.Segments.DeleteIfExistsAsync(userId, segmentId, cancellationToken);
    }

    public async Task AdjustSizeAsync(string segmentId, long delta, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(segmentId);
        for (var attempt = 1; attempt <= MaxAdjustAttempts; attempt++)
        {
            // The increment happens on the server, so concurrent adjustments never lose each other.
            if (await TryIncrementAsync(segmentId, delta, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            // No summary yet. If a concurrent writer creates it first, our create conflicts and we increment theirs.
            if (await containers.Segments.CreateOrNullAsync(Summary(segmentId, delta), segmentId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The summary of segment {segmentId} kept disappearing; gave up after {MaxAdjustAttempts} attempts.");
    }

    public async Task SetSizeAsync(string segmentId, long size, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(segmentId);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        await containers.Segments.UpsertAsync(Summary(segmentId, size), segmentId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, long>> GetSizesAsync(IEnumerable<string> segmentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segmentIds);
        var ids = segmentIds.Distinct(StringComparer.Ordinal).ToList();
        var reads = ids.Select(id => containers.Segments.ReadOrNullAsync<SegmentSummary>(SummaryId, id, cancellationToken));
        var summaries = await Task.WhenAll(reads).ConfigureAwait(false);

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (summaries[i] is { } summary)
            {
                sizes[ids[i]] = summary.Value.Size;
            }
        }

        return sizes;
    }

    public Task<Page<SegmentMember>> ListMembersAsync(string segmentId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(segmentId);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.segmentId = @segmentId AND c.kind = @kind")
            .WithParameter("@segmentId", segmentId)
            .WithParameter("@kind", MemberKind);
        return containers.Segments.QueryPartitionPageAsync<SegmentMember>(query, segmentId, pageSize, continuationToken, cancellationToken);
    }

    private async Task<bool> TryIncrementAsync(string segmentId, long delta, CancellationToken cancellationToken)
    {
        try
        {
            await containers.Segments.PatchItemAsync<SegmentSummary>(
                SummaryId,
                new PartitionKey(segmentId),
                [PatchOperation.Increment("/" + SizeProperty, delta)],
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static JsonObject Summary(string segmentId, long size) => new()
    {
        ["id"] = SummaryId,
        [SegmentIdProperty] = segmentId,
        [KindProperty] = SummaryKind,
        [SizeProperty] = size,
    };
}
