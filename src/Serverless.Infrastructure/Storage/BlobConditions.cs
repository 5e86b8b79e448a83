namespace Serverless.Infrastructure.Storage;

/// <summary>Access conditions for a blob write: <c>If-Match</c> (optimistic concurrency) and <c>If-None-Match</c> (<c>*</c> = create only).</summary>
public sealed record BlobConditions(string? IfMatch = null, string? IfNoneMatch = null)
{
    /// <summary>Write only if no blob exists yet (the service answers 409 BlobAlreadyExists otherwise).</summary>
    public static BlobConditions IfNotExists { get; } = new(IfNoneMatch: "*");

    public static BlobConditions IfETagMatches(string etag) => new(IfMatch: etag);
}
