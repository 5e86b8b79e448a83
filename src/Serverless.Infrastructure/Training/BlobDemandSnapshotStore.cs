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

    private readonly ConditionalBlockBlob _blob;

    public BlobDemandSnapshotStore(BlobStorageClient blobs, ModelRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        _blob = new ConditionalBlockBlob(blobs, options.TrainingContainerName, BlobName, "application/json");
    }

    public async Task<Versioned<DemandSnapshot>?> GetAsync(CancellationToken cancellationToken)
    {
        var download = await _blob.GetAsync(cancellationToken).ConfigureAwait(false);
        if (download is null)
        {
            return null;
        }

        var snapshot = JsonSerializer.Deserialize<DemandSnapshot>(download.Content.ToMemory().Span, DomainJson.Options)
            ?? throw new InvalidDataException($"{_blob.Container}/{BlobName} is not a demand snapshot.");
        return new Versioned<DemandSnapshot>(snapshot, download.Properties.ETag);
    }

    public Task<string?> TrySaveAsync(DemandSnapshot snapshot, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return _blob.TryPutAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(snapshot, DomainJson.Options)), etag, cancellationToken);
    }
}
