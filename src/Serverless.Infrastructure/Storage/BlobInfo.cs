namespace Serverless.Infrastructure.Storage;

/// <summary>The version of a blob after a write: its ETag (quoted, as the service sends it) and last-modified time.</summary>
public sealed record BlobInfo(string ETag, DateTimeOffset LastModified);
