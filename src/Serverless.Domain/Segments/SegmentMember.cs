namespace Serverless.Domain.Segments;

/// <summary>Membership of one user in one segment.</summary>
public sealed record SegmentMember(string SegmentId, string UserId, DateTimeOffset Since);
