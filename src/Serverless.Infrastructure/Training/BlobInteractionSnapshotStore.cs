using Serverless.Domain.Models;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.ModelRegistry;
using Serverless.Infrastructure.Storage;

namespace Serverless.Infrastructure.Training;

/// <summary>
/// The interaction snapshot as one block blob, <c>{training container}/interactions/snapshot.bin</c>
/// (<see cref="InteractionSnapshotFormat"/>), replaced with <c>If-Match</c> or created with <c>If-None-Match: *</c>.
/// </summary>
public sealed class BlobInteractionSnapshotStore : IInteractionSnapshotStore
{
    public const string BlobName = "interactions/snapshot.bin";

    private readonly ConditionalBlockBlob _blob;

    public BlobInteractionSnapshotStore(BlobStorageClient blobs, ModelRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        _blob = new ConditionalBlockBlob(blobs, options.TrainingContainerName, BlobName, "application/octet-stream");
    }

    public async Task<Versioned<InteractionSnapshot>?> GetAsync(CancellationToken cancellationToken)
    {
        var download = await _blob.GetAsync(cancellationToken).ConfigureAwait(false);
        return download is null
            ? null
            : new Versioned<InteractionSnapshot>(InteractionSnapshotFormat.Read(download.Content.ToMemory()), download.Properties.ETag);
    }

    public Task<string?> GetETagAsync(CancellationToken cancellationToken) => _blob.GetETagAsync(cancellationToken);

    public Task<string?> TrySaveAsync(InteractionSnapshot snapshot, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return _blob.TryPutAsync(BinaryData.FromBytes(InteractionSnapshotFormat.Write(snapshot)), etag, cancellationToken);
    }
}
