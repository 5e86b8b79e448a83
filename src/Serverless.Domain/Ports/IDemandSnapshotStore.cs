using Serverless.Domain.Models;

namespace Serverless.Domain.Ports;

/// <summary>The forecasting's demand snapshot in Blob storage, replaced under an ETag precondition.</summary>
public interface IDemandSnapshotStore
{
    /// <summary>The snapshot with its ETag; null before the first load.</summary>
    Task<Versioned<DemandSnapshot>?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Creates (etag null) or conditionally replaces the snapshot; null when another writer got there first.</summary>
    Task<string?> TrySaveAsync(DemandSnapshot snapshot, string? etag, CancellationToken cancellationToken);
}
