namespace Serverless.Infrastructure.Storage;

/// <summary>System properties of a blob.</summary>
/// <param name="BlobType">BlockBlob, AppendBlob or PageBlob.</param>
/// <param name="CommittedBlockCount">Append blobs only: how many blocks were appended (the service caps it at 50,000).</param>
public sealed record BlobProperties(
    string ETag,
    DateTimeOffset LastModified,
    long ContentLength,
    string? ContentType,
    string? BlobType,
    int? CommittedBlockCount);
