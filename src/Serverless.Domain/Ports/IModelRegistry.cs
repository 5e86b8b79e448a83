using Serverless.Domain.Models;

namespace Serverless.Domain.Ports;

/// <summary>
/// Versioned models in Blob storage: <c>models/{name}/{version}/model.bin</c> (and companion files),
/// <c>models/{name}/{version}/manifest.json</c>, and the pointer <c>models/{name}/current.json</c>, which is only ever
/// replaced under an ETag precondition. Promotion and rollback are pointer changes.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Names of the models that have at least one version or a pointer, sorted.</summary>
    Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken);

    /// <summary>Every stored version's manifest, newest first; empty for an unknown model.</summary>
    Task<IReadOnlyList<ModelManifest>> ListVersionsAsync(string name, CancellationToken cancellationToken);

    Task<ModelManifest?> GetManifestAsync(string name, string version, CancellationToken cancellationToken);

    /// <summary>One file of a version; null when the version or file does not exist.</summary>
    Task<byte[]?> ReadArtifactAsync(string name, string version, string fileName, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new version: its files first, then its manifest (so a listed version is always complete). Throws
    /// <see cref="InvalidOperationException"/> when the version already exists.
    /// </summary>
    Task SaveVersionAsync(ModelManifest manifest, IReadOnlyList<ModelArtifact> artifacts, CancellationToken cancellationToken);

    /// <summary>Replaces the manifest of an existing version (to record what finally happened to it).</summary>
    Task UpdateManifestAsync(ModelManifest manifest, CancellationToken cancellationToken);

    /// <summary>The pointer with its ETag; null when the model has none yet.</summary>
    Task<Versioned<ModelPointer>?> GetCurrentAsync(string name, CancellationToken cancellationToken);

    /// <summary>Only the pointer's ETag (a cheap HEAD), for polling; null when there is none.</summary>
    Task<string?> GetCurrentETagAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the pointer if its ETag is still <paramref name="etag"/>, or creates it if <paramref name="etag"/> is null
    /// and there is none. Returns the new ETag, or null when another writer changed it first.
    /// </summary>
    Task<string?> TrySetCurrentAsync(ModelPointer pointer, string? etag, CancellationToken cancellationToken);

    /// <summary>Deletes the given version's files; false when it did not exist.</summary>
    Task<bool> DeleteVersionAsync(string name, string version, CancellationToken cancellationToken);
}
