namespace Serverless.Infrastructure.Storage;

/// <summary>A blob's content together with the properties (ETag included) of the version read.</summary>
public sealed record BlobDownload(BinaryData Content, BlobProperties Properties);
