using Serverless.Domain.Models;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Recommendations;

/// <summary>
/// The registry in memory with the Blob adapter's semantics: a version is created once, the pointer is created only
/// when absent and replaced only with its current ETag, and every pointer write gets a new ETag.
/// </summary>
public sealed class FakeModelRegistry : IModelRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Name, string Version), (ModelManifest Manifest, Dictionary<string, byte[]> Files)> _versions = [];
    private readonly Dictionary<string, Versioned<ModelPointer>> _pointers = new(StringComparer.Ordinal);
    private int _etag;

    /// <summary>Runs just before a pointer write is checked (to change the pointer under a writer's feet).</summary>
    public Action? BeforeSetCurrent { get; set; }

    /// <summary>Thrown by the next SaveVersion, to simulate a storage failure mid-run.</summary>
    public Exception? FailNextSave { get; set; }

    public int ETagChecks { get; private set; }

    public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>(_versions.Keys.Select(k => k.Name).Concat(_pointers.Keys).Distinct().Order(StringComparer.Ordinal).ToList());
        }
    }

    public Task<IReadOnlyList<ModelManifest>> ListVersionsAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ModelManifest>>(_versions
                .Where(pair => pair.Key.Name == name)
                .Select(pair => pair.Value.Manifest)
                .OrderByDescending(m => m.CreatedAt)
                .ThenByDescending(m => m.Version, StringComparer.Ordinal)
                .ToList());
        }
    }

    public Task<ModelManifest?> GetManifestAsync(string name, string version, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_versions.TryGetValue((name, version), out var stored) ? stored.Manifest : null);
        }
    }

    public Task<byte[]?> ReadArtifactAsync(string name, string version, string fileName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_versions.TryGetValue((name, version), out var stored) && stored.Files.TryGetValue(fileName, out var bytes) ? bytes : null);
        }
    }

    public Task SaveVersionAsync(ModelManifest manifest, IReadOnlyList<ModelArtifact> artifacts, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (FailNextSave is { } failure)
            {
                FailNextSave = null;
                throw failure;
            }

            if (_versions.ContainsKey((manifest.Name, manifest.Version)))
            {
                throw new InvalidOperationException($"Version {manifest.Version} exists.");
            }

            _versions[(manifest.Name, manifest.Version)] = (
                manifest with { Artifacts = artifacts.Select(a => a.FileName).ToList() },
                artifacts.ToDictionary(a => a.FileName, a => a.Content.ToArray()));
            return Task.CompletedTask;
        }
    }

    public Task UpdateManifestAsync(ModelManifest manifest, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var stored = _versions[(manifest.Name, manifest.Version)];
            _versions[(manifest.Name, manifest.Version)] = (manifest, stored.Files);
            return Task.CompletedTask;
        }
    }

    public Task<Versioned<ModelPointer>?> GetCurrentAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_pointers.GetValueOrDefault(name));
        }
    }

    public Task<string?> GetCurrentETagAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ETagChecks++;
            return Task.FromResult(_pointers.GetValueOrDefault(name)?.ETag);
        }
    }

    public Task<string?> TrySetCurrentAsync(ModelPointer pointer, string? etag, CancellationToken cancellationToken)
    {
        var hook = BeforeSetCurrent;
        BeforeSetCurrent = null;
        hook?.Invoke();
        lock (_lock)
        {
            var existing = _pointers.GetValueOrDefault(pointer.Name);
            if (existing?.ETag != etag)
            {
                return Task.FromResult<string?>(null);
            }

            var next = $"\"etag-{++_etag}\"";
            _pointers[pointer.Name] = new Versioned<ModelPointer>(pointer, next);
            return Task.FromResult<string?>(next);
        }
    }

    public Task<bool> DeleteVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_versions.Remove((name, version)));
        }
    }

    /// <summary>Moves the pointer directly (as another host or an administrator would).</summary>
    public void SetCurrent(string name, string version)
    {
        lock (_lock)
        {
            var previous = _pointers.GetValueOrDefault(name)?.Value.Version;
            _pointers[name] = new Versioned<ModelPointer>(
                new ModelPointer { Name = name, Version = version, UpdatedAt = DateTimeOffset.UnixEpoch, PreviousVersion = previous, Reason = "test" },
                $"\"etag-{++_etag}\"");
        }
    }
}
