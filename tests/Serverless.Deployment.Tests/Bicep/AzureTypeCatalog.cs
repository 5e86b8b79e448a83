using System.Text.Json;
using Serverless.Testing;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// The resource types of ../shared/azure-types (generated/&lt;provider&gt;/&lt;api-version&gt;/types.json of
/// Azure/bicep-types-az, the files the Bicep compiler itself loads), indexed by <c>Type@apiVersion</c>.
/// </summary>
public sealed class AzureTypeCatalog
{
    private static readonly Lazy<AzureTypeCatalog> SharedCatalog = new(() => Load(DefaultFolder));

    private readonly Dictionary<string, AzureType> _resources;

    private AzureTypeCatalog(string folder, Dictionary<string, AzureType> resources)
    {
        Folder = folder;
        _resources = resources;
    }

    /// <summary>The shared type definitions beside the repository (read in place, never copied).</summary>
    public static string DefaultFolder => Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "azure-types"));

    public static AzureTypeCatalog Shared => SharedCatalog.Value;

    public string Folder { get; }

    public int ResourceTypeCount => _resources.Count;

    public static AzureTypeCatalog Load(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "types.json", SearchOption.AllDirectories).ToList();
        if (files.Count == 0)
        {
            throw new DirectoryNotFoundException($"No types.json under {folder}.");
        }

        var resources = new Dictionary<string, AzureType>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var entries = document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
            for (var i = 0; i < entries.Length; i++)
            {
                var type = new AzureType(entries, i);
                if (type.Kind == "ResourceType")
                {
                    // Resource type names compare case-insensitively, as in ARM.
                    resources.TryAdd(type.Name, type);
                }
            }
        }

        return new AzureTypeCatalog(folder, resources);
    }

    /// <summary>The ResourceType entry of <paramref name="type"/> at <paramref name="apiVersion"/>, or null.</summary>
    public AzureType? FindResource(string type, string apiVersion) =>
        _resources.GetValueOrDefault($"{type}@{apiVersion}");

    /// <summary>The API versions of <paramref name="type"/> the catalog has (for messages).</summary>
    public IReadOnlyList<string> VersionsOf(string type) =>
        [.. _resources.Keys
            .Where(k => k.StartsWith(type + "@", StringComparison.OrdinalIgnoreCase))
            .Select(k => k[(type.Length + 1)..])
            .Order(StringComparer.Ordinal)];
}
