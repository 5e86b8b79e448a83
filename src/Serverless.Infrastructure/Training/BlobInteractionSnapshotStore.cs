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

    private readonly BlobStorageClient _blobs;
    private readonly string _container;
    private volatile bool _containerExists;

    public BlobInteractionSnapshotStore(BlobStorageClient blobs, ModelRegistryOptions options)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        ArgumentNullException.ThrowIfNull(options);
        _container = options.TrainingContainerName;
    }

    public async Task<Versioned<InteractionSnapshot>?> GetAsync(CancellationToken cancellationToken)
    {
        var download = await _blobs.GetBlobAsync(_container, BlobName, cancellationToken).ConfigureAwait(false);
        return download is null
            ? null
            : new Versioned<InteractionSnapshot>(InteractionSnapshotFormat.Read(download.Content.ToMemory()), download.Properties.ETag);
    }

    public async Task<string?> GetETagAsync(CancellationToken cancellationToken) =>
        (await _blobs.GetPropertiesAsync(_container, BlobName, cancellationToken).ConfigureAwait(false))?.ETag;

    public async Task<string?> TrySaveAsync(InteractionSnapshot snapshot, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!_containerExists)
        {
            await _blobs.CreateContainerIfNotExistsAsync(_container, cancellationToken).ConfigureAwait(false);
            _containerExists = true;
        }

        try
        {
            var written = await _blobs.PutBlockBlobAsync(
                _container,
                BlobName,
                BinaryData.FromBytes(InteractionSnapshotFormat.Write(snapshot)),
                "application/octet-stream",
                etag is null ? BlobConditions.IfNotExists : BlobConditions.IfETagMatches(etag),
                cancellationToken).ConfigureAwait(false);
            return written.ETag;
        }
        catch (StorageRequestFailedException exception) when (exception.IsConflictOrPreconditionFailed)
        {
            return null;
        }
    }
}
