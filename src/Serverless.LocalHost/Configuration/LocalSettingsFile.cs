using System.Text.Json;

namespace Serverless.LocalHost.Configuration;

/// <summary>
/// Reads the <c>Values</c> of a Functions <c>local.settings.json</c>, so that the local host runs on the same file as
/// <c>func start</c> would. Keys written with <c>__</c> (the environment-variable form) are read as <c>:</c>.
/// </summary>
public static class LocalSettingsFile
{
    public const string FileName = "local.settings.json";

    public static IReadOnlyDictionary<string, string?> ReadValues(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("IsEncrypted", out var encrypted) && encrypted.ValueKind == JsonValueKind.True)
        {
            throw new InvalidOperationException($"{path} is encrypted (IsEncrypted: true); the local host reads plain values only.");
        }

        if (!document.RootElement.TryGetProperty("Values", out var section) || section.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var property in section.EnumerateObject())
        {
            values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }

        return values;
    }
}
