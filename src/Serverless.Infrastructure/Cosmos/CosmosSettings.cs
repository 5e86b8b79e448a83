using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>
/// The <c>CosmosDb</c> configuration section. A key is for the local server or the official emulator only; in Azure
/// it stays empty and the client authenticates with <c>DefaultAzureCredential</c> (managed identity).
/// </summary>
public sealed record CosmosSettings
{
    public const string SectionName = "CosmosDb";
    public const string DefaultDatabase = "marketing";
    public const int DefaultEventsTimeToLiveSeconds = 90 * 24 * 60 * 60;
    public const int DefaultConversationsTimeToLiveSeconds = 30 * 24 * 60 * 60;

    public required Uri Endpoint { get; init; }

    /// <summary>Account key; null means token authentication (managed identity).</summary>
    public string? Key { get; init; }

    public string Database { get; init; } = DefaultDatabase;

    /// <summary>Accept a self-signed server certificate; honoured only when <see cref="Endpoint"/> is a loopback address.</summary>
    public bool AllowInsecureLocalCertificate { get; init; }

    public int EventsTimeToLiveSeconds { get; init; } = DefaultEventsTimeToLiveSeconds;

    public int ConversationsTimeToLiveSeconds { get; init; } = DefaultConversationsTimeToLiveSeconds;

    /// <summary>Client id of a user-assigned managed identity; null for the system-assigned one.</summary>
    public string? ClientId { get; init; }

    public bool UsesKey => !string.IsNullOrEmpty(Key);

    public bool AcceptsAnyCertificate => AllowInsecureLocalCertificate && Endpoint.IsLoopback;

    public static CosmosSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var endpoint = section["Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri))
        {
            throw new InvalidOperationException($"Setting '{SectionName}:Endpoint' must be an absolute URI (for example https://127.0.0.1:8081/).");
        }

        return new CosmosSettings
        {
            Endpoint = endpointUri,
            Key = NullIfEmpty(section["Key"]),
            Database = NullIfEmpty(section["Database"]) ?? DefaultDatabase,
            AllowInsecureLocalCertificate = ParseBool(section, "AllowInsecureLocalCertificate"),
            EventsTimeToLiveSeconds = ParsePositiveInt(section, "EventsTimeToLiveSeconds", DefaultEventsTimeToLiveSeconds),
            ConversationsTimeToLiveSeconds = ParsePositiveInt(section, "ConversationsTimeToLiveSeconds", DefaultConversationsTimeToLiveSeconds),
            ClientId = NullIfEmpty(section["ClientId"]),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool ParseBool(IConfigurationSection section, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        return bool.TryParse(value, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Setting '{SectionName}:{key}' must be true or false, not '{value}'.");
    }

    private static int ParsePositiveInt(IConfigurationSection section, string key, int defaultValue)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultValue;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new InvalidOperationException($"Setting '{SectionName}:{key}' must be a positive number of seconds, not '{value}'.");
    }
}
