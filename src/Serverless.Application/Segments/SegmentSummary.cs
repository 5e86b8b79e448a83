namespace Serverless.Application.Segments;

/// <summary>One segment in the listing: its definition and current member count.</summary>
public sealed record SegmentSummary(string Id, string Name, string Rule, long Size);
