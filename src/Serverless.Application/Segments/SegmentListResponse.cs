using Serverless.Domain.Segments;

namespace Serverless.Application.Segments;

/// <summary>GET /api/segments: every segment (prospects included) and the RFM thresholds in force.</summary>
public sealed record SegmentListResponse(IReadOnlyList<SegmentSummary> Segments, RfmThresholds Thresholds);
