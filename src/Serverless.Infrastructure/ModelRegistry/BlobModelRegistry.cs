using System.Text.Json;
using Serverless.Domain.Json;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Storage;

namespace Serverless.Infrastructure.ModelRegistry;

/// <summary>
/// <see cref="IModelRegistry"/> over Blob storage: <c>{container}/{name}/{version}/{file}</c>, a version's
/// <c>manifest.json</c> written after its files (so a listed version is complete), and <c>{name}/current.json</c>
/// replaced with <c>If-Match</c> (or created with <c>If-None-Match: *</c>). JSON is <see cref="DomainJson.Options"/>.
/// </summary>
public sealed class BlobModelRegistry : IModelRegistry
{
    public const string ManifestFileName = "manifest.json";
    public const string PointerFileName = "current.json";
    private const string JsonContentType = "application/json";
    private const string BinaryContentType = "application/octet-stream";

    private readonly BlobStorageClient _blobs;
    private readonly string _container;
    private volatile bool _containerExists;

    public BlobModelRegistry(BlobStorageClient blobs, ModelRegistryOptions options)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        ArgumentNullException.ThrowIfNull(options);
        _container = options.ContainerName;
    }

    public async Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var blob in ListAsync(prefix: null, cancellationToken).ConfigureAwait(false))
        {
            var slash = blob.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && ModelVersionNames.Check(blob.Name[..slash]) is null)
            {
                names.Add(blob.Name[..slash]);
            }
        }

        return names.ToList();
    }

    public async Task<IReadOnlyList<ModelManifest>> ListVersionsAsync(string name, CancellationToken cancellationToken)
    {
        EnsureName(name, nameof(name));
        var versions = new List<string>();
        await foreach (var blob in ListAsync(name + "/", cancellationToken).ConfigureAwait(false))
        {
            var parts = blob.Name.Split('/');
            if (parts.Length == 3 && parts[2] == ManifestFileName)
            {
                versions.Add(parts[1]);
            }
        }

        var manifests = await Task.WhenAll(versions.Select(version => GetManifestAsync(name, version, cancellationToken))).ConfigureAwait(false);
        return manifests
            .OfType<ModelManifest>()
            .OrderByDescending(manifest => manifest.CreatedAt)
            .ThenByDescending(manifest => manifest.Version, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<ModelManifest?> GetManifestAsync(string name, string version, CancellationToken cancellationToken)
    {
        EnsureName(name, nameof(name));
        EnsureName(version, nameof(version));
        var download = await _blobs.GetBlobAsync(_container, BlobName(name, version, ManifestFileName), cancellationToken).ConfigureAwait(false);
        return download is null ? null : Deserialize<ModelManifest>(download.Content, name, version);
    }

    public async Task<byte[]?> ReadArtifactAsync(string name, string version, string fileName, CancellationToken cancellationToken)
    {
        EnsureName(name, nameof(name));
        EnsureName(version, nameof(version));
        EnsureFileName(fileName);
        var download = await _blobs.GetBlobAsync(_container, BlobName(name, version, fileName), cancellationToken).ConfigureAwait(false);
        return download?.Content.ToArray();
    }

    public async Task SaveVersionAsync(ModelManifest manifest, IReadOnlyList<ModelArtifact> artifacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(artifacts);
        EnsureName(manifest.Name, nameof(manifest));
        EnsureName(manifest.Version, nameof(manifest));
        if (artifacts.Count == 0 || artifacts.Select(a => a.FileName).Distinct(StringComparer.Ordinal).Count() != artifacts.Count)
        {
            throw new ArgumentException("A version needs at least one file, each named once.", nameof(artifacts));
        }

        foreach (var artifact in artifacts)
        {
            EnsureFileName(artifact.FileName);
        }

        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var manifestName = BlobName(manifest.Name, manifest.Version, ManifestFileName);
        if (await _blobs.GetPropertiesAsync(_container, manifestName, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new InvalidOperationException($"Version '{manifest.Version}' of model '{manifest.Name}' already exists.");
        }

        await Task.WhenAll(artifacts.Select(artifact => _blobs.PutBlockBlobAsync(
            _container,
            BlobName(manifest.Name, manifest.Version, artifact.FileName),
            BinaryData.FromBytes(artifact.Content),
            artifact.FileName.EndsWith(".json", StringComparison.Ordinal) ? JsonContentType : BinaryContentType,
            cancellationToken: cancellationToken))).ConfigureAwait(false);

        var stored = manifest with { Artifacts = artifacts.Select(a => a.FileName).ToList() };
        try
        {
            await _blobs.PutBlockBlobAsync(_container, manifestName, Serialize(stored), JsonContentType, BlobConditions.IfNotExists, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (StorageRequestFailedException exception) when (exception.IsConflictOrPreconditionFailed)
        {
            throw new InvalidOperationException($"Version '{manifest.Version}' of model '{manifest.Name}' already exists.", exception);
        }
    }

    public async Task UpdateManifestAsync(ModelManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        EnsureName(manifest.Name, nameof(manifest));
        EnsureName(manifest.Version, nameof(manifest));
        try
        {
            // If-Match: * replaces only an existing manifest, never creates a version without its files.
            await _blobs.PutBlockBlobAsync(
                _container,
                BlobName(manifest.Name, manifest.Version, ManifestFileName),
                Serialize(manifest),
                JsonContentType,
                new BlobConditions(IfMatch: "*"),
                cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestFailedException exception) when (exception.IsConflictOrPreconditionFailed || exception.IsNotFound)
        {
            throw new InvalidOperationException($"Version '{manifest.Version}' of model '{manifest.Name}' does not exist.", exception);
        }
    }

    public async Task<Versioned<ModelPointer>?> GetCurrentAsync(string name, CancellationToken cancellationToken)
    {
        EnsureName(name, nameof(name));
        var download = await _blobs.GetBlobAsync(_container, PointerName(name), cancellationToken).ConfigureAwait(false);
        return download is null
            ? null
            : new Versioned<ModelPointer>(Deserialize<ModelPointer>(download.Content, name, PointerFileName), download.Properties.ETag);
    }

    public async Task<string?> GetCurrentETagAsync(string name, CancellationToken cancellationToken)
    {
        EnsureName(name, nameof(name));
        var properties = await _blobs.GetPropertiesAsync(_container, PointerName(name), cancellationToken).ConfigureAwait(false);
        return properties?.ETag;
    }

    public async Task<string?> TrySetCurrentAsync(ModelPointer pointer, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        EnsureName(pointer.Name, nameof(pointer));
        EnsureName(pointer.Version, nameof(pointer));
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        return await _blobs.TryPutBlockBlobAsync(_container, PointerName(pointer.Name), Serialize(pointer), JsonContentType, etag, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<bool> DeleteVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        EnsureName(name, nameof(name));
        EnsureName(version, nameof(version));
        var blobs = await ListAsync(BlobName(name, version, string.Empty), cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);

        // The manifest goes first, so a half-deleted version is no longer listed.
        var deleted = false;
        foreach (var blob in blobs.OrderBy(blob => blob.Name.EndsWith("/" + ManifestFileName, StringComparison.Ordinal) ? 0 : 1))
        {
            deleted |= await _blobs.DeleteBlobAsync(_container, blob.Name, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    private async IAsyncEnumerable<BlobItem> ListAsync(string? prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = _blobs.ListBlobsAsync(_container, prefix, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (StorageRequestFailedException exception) when (exception.ErrorCode == StorageErrorCodes.ContainerNotFound)
                {
                    yield break;
                }

                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_containerExists)
        {
            await _blobs.CreateContainerIfNotExistsAsync(_container, cancellationToken).ConfigureAwait(false);
            _containerExists = true;
        }
    }

    private static string BlobName(string name, string version, string fileName) => $"{name}/{version}/{fileName}";

    private static string PointerName(string name) => $"{name}/{PointerFileName}";

    private static BinaryData Serialize<T>(T value) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, DomainJson.Options));

    private static T Deserialize<T>(BinaryData content, string name, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(content.ToMemory().Span, DomainJson.Options)
                ?? throw new InvalidDataException($"{name}/{what} is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{name}/{what} is not a valid {typeof(T).Name}: {exception.Message}", exception);
        }
    }

    private static void EnsureName(string value, string parameter)
    {
        if (ModelVersionNames.Check(value) is { } problem)
        {
            throw new ArgumentException($"'{value}' {problem}", parameter);
        }
    }

    private static void EnsureFileName(string fileName)
    {
        if (ModelVersionNames.Check(fileName) is not null || fileName is ManifestFileName)
        {
            throw new ArgumentException($"'{fileName}' is not a valid artifact file name.", nameof(fileName));
        }
    }
}
