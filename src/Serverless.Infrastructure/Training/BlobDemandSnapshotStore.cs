using System.Text.Json;
using Serverless.Domain.Json;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.ModelRegistry;
using Serverless.Infrastructure.Storage;

namespace Serverless.Infrastructure.Training;

/// <summary>
/// The demand snapshot as one JSON block blob, <c>{training container}/demand/snapshot.json</c>, replaced with
/// <c>If-Match</c> or created with <c>If-None-Match: *</c>.
/// </summary>
public sealed class BlobDemandSnapshotStore : IDemandSnapshotStore
{
    public const string BlobName = "demand/snapshot.json";

    private readonly BlobStorageClient _blobs;
    private readonly string _container;
    private volatile bool _containerExists;

    public BlobDemandSnapshotStore(BlobStorageClient blobs, ModelRegistryOptions options)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        ArgumentNullException.ThrowIfNull(options);
        _container = options.TrainingContainerName;
    }

    public async Task<Versioned<DemandSnapshot>?> GetAsync(CancellationToken cancellationToken)
    {
        var download = await _blobs.GetBlobAsync(_container, BlobName, cancellationToken).ConfigureAwait(false);
        if (download is null)
        {
            return null;
        }

        var snapshot = JsonSerializer.Deserialize<DemandSnapshot>(download.Content.ToMemory().Span, DomainJson.Options)
            ?? throw new InvalidDataException($"{_container}/{BlobName} is not a demand snapshot.");
        return new Versioned<DemandSnapshot>(snapshot, download.Properties.ETag);
    }

    public async Task<string?> TrySaveAsync(DemandSnapshot snapshot, string? etag, CancellationToken cancellationToken)
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
                BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(snapshot, DomainJson.Options)),
                "application/json",
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
