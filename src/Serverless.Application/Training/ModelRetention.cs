using Serverless.Domain.Ports;

namespace Serverless.Application.Training;

/// <summary>Keeps a model's newest versions and the current one; deletes the rest (oldest first).</summary>
public static class ModelRetention
{
    /// <returns>The versions deleted.</returns>
    public static async Task<IReadOnlyList<string>> PruneAsync(
        IModelRegistry registry, string name, int keep, string? currentVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var versions = await registry.ListVersionsAsync(name, cancellationToken);
        var doomed = versions
            .Skip(keep)
            .Where(manifest => manifest.Version != currentVersion)
            .Reverse()
            .Select(manifest => manifest.Version)
            .ToList();
        foreach (var version in doomed)
        {
            await registry.DeleteVersionAsync(name, version, cancellationToken);
        }

        return doomed;
    }
}
