namespace Serverless.Infrastructure.Storage;

/// <summary>
/// One block blob that is created only when absent (<c>If-None-Match: *</c>) and replaced only under the ETag it was
/// read with (<c>If-Match</c>), so concurrent writers cannot overwrite each other; the container is created on the first
/// write. The snapshot stores keep their state in such a blob.
/// </summary>
internal sealed class ConditionalBlockBlob(BlobStorageClient blobs, string container, string name, string contentType)
{
    private volatile bool _containerExists;

    public string Container { get; } = container;

    public string Name { get; } = name;

    /// <summary>The blob's content and ETag; null when it does not exist.</summary>
    public Task<BlobDownload?> GetAsync(CancellationToken cancellationToken) => blobs.GetBlobAsync(Container, Name, cancellationToken);

    public async Task<string?> GetETagAsync(CancellationToken cancellationToken) =>
        (await blobs.GetPropertiesAsync(Container, Name, cancellationToken).ConfigureAwait(false))?.ETag;

    /// <summary>
    /// Writes <paramref name="content"/> if the blob is absent (<paramref name="etag"/> null) or still has
    /// <paramref name="etag"/>; returns the new ETag, or null when another writer got there first.
    /// </summary>
    public async Task<string?> TryPutAsync(BinaryData content, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!_containerExists)
        {
            await blobs.CreateContainerIfNotExistsAsync(Container, cancellationToken).ConfigureAwait(false);
            _containerExists = true;
        }

        return await blobs.TryPutBlockBlobAsync(Container, Name, content, contentType, etag, cancellationToken).ConfigureAwait(false);
    }
}
