namespace Serverless.Infrastructure.Storage;

/// <summary>One entry of a blob listing.</summary>
public sealed record BlobItem(
    string Name,
    string ETag,
    DateTimeOffset LastModified,
    long ContentLength,
    string? ContentType,
    string? BlobType);
