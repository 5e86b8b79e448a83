using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Serverless.Infrastructure.Storage;

namespace Serverless.LocalHost.Configuration;

/// <summary>
/// Reads host.json the way the Functions runtime does for the settings the local host honours: property names are
/// case-insensitive, comments are allowed, and app settings under <c>AzureFunctionsJobHost</c> (environment variables
/// <c>AzureFunctionsJobHost__extensions__queues__batchSize</c>) override the file.
/// </summary>
public static class HostJsonReader
{
    /// <summary>The configuration section whose keys override host.json paths (a Functions runtime convention).</summary>
    public const string OverrideSection = "AzureFunctionsJobHost";

    private const string QueuesPath = "extensions:queues:";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static HostJsonOptions Load(string path, IConfiguration? configuration = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"host.json not found at '{path}'. Set LocalHost:HostJsonPath to the repository's host.json.", path);
        }

        return Parse(File.ReadAllText(path), configuration, path);
    }

    public static HostJsonOptions Parse(string json, IConfiguration? configuration = null, string source = "host.json")
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source} must contain a JSON object.");
            }

            Flatten(document.RootElement, string.Empty, values);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{source} is not valid JSON: {exception.Message}", exception);
        }

        if (configuration is not null)
        {
            foreach (var (key, value) in configuration.GetSection(OverrideSection).AsEnumerable(makePathsRelative: true))
            {
                if (value is not null)
                {
                    values[key] = value;
                }
            }
        }

        if (!values.TryGetValue("version", out var version) || version != "2.0")
        {
            throw new FormatException($"{source} must declare \"version\": \"2.0\" (was '{version}').");
        }

        var reader = new Reader(values, source);
        var batchSize = reader.Integer(QueuesPath + "batchSize", 16, 1, QueuesOptions.MaxBatchSize);
        var queues = new QueuesOptions
        {
            BatchSize = batchSize,
            NewBatchThreshold = reader.Integer(QueuesPath + "newBatchThreshold", batchSize / 2, 0, int.MaxValue),
            MaxPollingInterval = reader.Duration(QueuesPath + "maxPollingInterval", TimeSpan.FromMinutes(1), QueuesOptions.MinimumPollingInterval),
            VisibilityTimeout = reader.Duration(QueuesPath + "visibilityTimeout", TimeSpan.Zero, TimeSpan.Zero),
            MaxDequeueCount = reader.Integer(QueuesPath + "maxDequeueCount", 5, 1, int.MaxValue),
            MessageEncoding = reader.Encoding(QueuesPath + "messageEncoding"),
        };

        return new HostJsonOptions
        {
            Queues = queues,
            RoutePrefix = (values.GetValueOrDefault("extensions:http:routePrefix") ?? "api").Trim('/'),
        };
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.String:
                values[prefix] = element.GetString()!;
                break;
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                values[prefix] = element.GetRawText();
                break;
            default:
                // Arrays and nulls carry nothing the local host reads.
                break;
        }
    }

    private sealed class Reader(Dictionary<string, string> values, string source)
    {
        public int Integer(string path, int fallback, int minimum, int maximum)
        {
            if (!values.TryGetValue(path, out var text))
            {
                return fallback;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
            {
                var range = maximum == int.MaxValue ? $"at least {minimum}" : $"between {minimum} and {maximum}";
                throw new FormatException($"{source}: {Describe(path)} must be an integer {range} (was '{text}').");
            }

            return value;
        }

        public TimeSpan Duration(string path, TimeSpan fallback, TimeSpan minimum)
        {
            if (!values.TryGetValue(path, out var text))
            {
                return fallback;
            }

            // A bare number would parse as days; host.json durations are always written "hh:mm:ss".
            if (!text.Contains(':', StringComparison.Ordinal)
                || !TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
                || value < minimum)
            {
                throw new FormatException(
                    $"{source}: {Describe(path)} must be a duration \"hh:mm:ss\" of at least {minimum} (was '{text}').");
            }

            return value;
        }

        public QueueMessageEncoding Encoding(string path)
        {
            if (!values.TryGetValue(path, out var text))
            {
                return QueueMessageEncoding.Base64;
            }

            return text.ToLowerInvariant() switch
            {
                "base64" => QueueMessageEncoding.Base64,
                "none" => QueueMessageEncoding.None,
                _ => throw new FormatException($"{source}: {Describe(path)} must be \"base64\" or \"none\" (was '{text}')."),
            };
        }

        private static string Describe(string path) => path.Replace(':', '.');
    }
}
