using Serverless.Domain.Models;

namespace Serverless.Domain.Ports;

/// <summary>The retraining job's compact interaction snapshot in Blob storage, replaced under an ETag precondition.</summary>
public interface IInteractionSnapshotStore
{
    /// <summary>The snapshot with its ETag; null before the first run.</summary>
    Task<Versioned<InteractionSnapshot>?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Only the snapshot's ETag (a cheap HEAD); null before the first run.</summary>
    Task<string?> GetETagAsync(CancellationToken cancellationToken);

    /// <summary>Creates (etag null) or conditionally replaces the snapshot; null when another writer got there first.</summary>
    Task<string?> TrySaveAsync(InteractionSnapshot snapshot, string? etag, CancellationToken cancellationToken);
}
