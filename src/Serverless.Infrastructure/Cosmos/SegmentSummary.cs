namespace Serverless.Infrastructure.Cosmos;

/// <summary>The counter part of a segment's summary document.</summary>
internal sealed record SegmentSummary(long Size);
