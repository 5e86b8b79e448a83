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

        string? storeToken = null;
        if (!string.IsNullOrEmpty(continuationToken) && (storeToken = ContinuationTokenCodec.TryDecode(continuationToken)) is null)
        {
            return InvalidToken();
        }

        Page<SegmentMember> page;
        try
        {
            page = await segments.ListMembersAsync(segmentId, pageSize ?? DefaultPageSize, storeToken, cancellationToken);
        }
        catch (ArgumentException exception) when (exception.ParamName == "continuationToken")
        {
            return InvalidToken();
        }

        return HandlerResult<SegmentMembersResponse>.Ok(
            new SegmentMembersResponse(segmentId, page.Items, ContinuationTokenCodec.Encode(page.ContinuationToken)));
    }

    private static Problem InvalidToken() =>
        Problem.Validation([new FieldError("continuationToken", "is not a token returned by this API (pass the continuationToken of the previous page unchanged).")]);
}
