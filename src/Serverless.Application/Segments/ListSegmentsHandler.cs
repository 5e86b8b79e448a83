using Serverless.Application.Common;
using Serverless.Domain.Ports;
using Serverless.Domain.Segments;

namespace Serverless.Application.Segments;

/// <summary>GET /api/segments: definitions with sizes (0 for a segment never populated) and the current thresholds.</summary>
public sealed class ListSegmentsHandler(ISegmentRepository segments, RfmThresholdsProvider thresholds)
{
    public async Task<HandlerResult<SegmentListResponse>> HandleAsync(CancellationToken cancellationToken)
    {
        var sizes = await segments.GetSizesAsync(RfmSegments.All.Select(s => s.Id), cancellationToken);
        var summaries = RfmSegments.All
            .Select(s => new SegmentSummary(s.Id, s.Name, s.Rule, sizes.TryGetValue(s.Id, out var size) ? size : 0))
            .ToList();
        return HandlerResult<SegmentListResponse>.Ok(new SegmentListResponse(summaries, await thresholds.GetAsync(cancellationToken)));
    }
}
