using Serverless.Application.Common;
using Serverless.Domain.Ports;
using Serverless.Domain.Segments;

namespace Serverless.Application.Segments;

/// <summary>GET /api/segments/{segmentId}/members?pageSize=&amp;continuationToken=: one page of members.</summary>
public sealed class ListSegmentMembersHandler(ISegmentRepository segments)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public async Task<HandlerResult<SegmentMembersResponse>> HandleAsync(
        string segmentId,
        int? pageSize,
        string? continuationToken,
        CancellationToken cancellationToken)
    {
        if (RfmSegments.Find(segmentId) is null)
        {
            return Problem.NotFound($"No segment '{segmentId}'. Known segments: {string.Join(", ", RfmSegments.All.Select(s => s.Id))}.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return Problem.Validation([new FieldError("pageSize", $"must be between 1 and {MaxPageSize}.")]);
        }

        var page = await segments.ListMembersAsync(
            segmentId,
            pageSize ?? DefaultPageSize,
            string.IsNullOrEmpty(continuationToken) ? null : continuationToken,
            cancellationToken);
        return HandlerResult<SegmentMembersResponse>.Ok(new SegmentMembersResponse(segmentId, page.Items, page.ContinuationToken));
    }
}
