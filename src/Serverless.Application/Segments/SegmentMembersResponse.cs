using Serverless.Domain.Segments;

namespace Serverless.Application.Segments;

/// <summary>GET /api/segments/{segmentId}/members: one page; pass <see cref="ContinuationToken"/> back for the next (null on the last).</summary>
public sealed record SegmentMembersResponse(string SegmentId, IReadOnlyList<SegmentMember> Items, string? ContinuationToken);
