using Azure.Core;
using Serverless.Infrastructure.Identity;
using Microsoft.Extensions.Configuration;

namespace Serverless.Infrastructure.Storage;

/// <summary>
/// Where a storage account's Blob and Queue services are and how to authorize against them: either a Shared Key
/// (connection strings, Azurite) or a <see cref="TokenCredential"/> (managed identity in Azure).
/// </summary>
public sealed class StorageAccount
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageAccount(Uri blobEndpoint, Uri queueEndpoint, StorageSharedKeyCredential? sharedKey, TokenCredential? tokenCredential)
    {
        BlobEndpoint = TrimTrailingSlash(blobEndpoint);
        QueueEndpoint = TrimTrailingSlash(queueEndpoint);
        SharedKey = sharedKey;
        TokenCredential = tokenCredential;
    }

    /// <summary>Blob service root, without a trailing slash (path-style for Azurite: <c>http://127.0.0.1:10000/devstoreaccount1</c>).</summary>
    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    /// <summary>Set for Shared Key authorization.</summary>
    public StorageSharedKeyCredential? SharedKey { get; }

    /// <summary>Set for Microsoft Entra ID (bearer token) authorization.</summary>
    public TokenCredential? TokenCredential { get; }

    public static StorageAccount WithSharedKey(Uri blobEndpoint, Uri queueEndpoint, StorageSharedKeyCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(blobEndpoint, queueEndpoint, credential, null);
    }

    public static StorageAccount WithTokenCredential(Uri blobEndpoint, Uri queueEndpoint, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(blobEndpoint, queueEndpoint, null, credential);
    }

    /// <summary>
    /// Parses a storage connection string: <c>UseDevelopmentStorage=true[;DevelopmentStorageProxyUri=...]</c>, or
    /// <c>AccountName</c> + <c>AccountKey</c> with <c>BlobEndpoint</c>/<c>QueueEndpoint</c> or
    /// <c>DefaultEndpointsProtocol</c> + <c>EndpointSuffix</c> (default core.windows.net).
    /// </summary>
    public static StorageAccount Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = ParseSettings(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var useDevelopment)
            && bool.TryParse(useDevelopment, out var isDevelopment) && isDevelopment)
        {
            var proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out var proxyUri)
                ? new Uri(proxyUri)
                : new Uri("http://127.0.0.1");
            var authority = $"{proxy.Scheme}://{proxy.Host}";
            return WithSharedKey(
                new Uri($"{authority}:10000/{DevelopmentAccountName}"),
                new Uri($"{authority}:10001/{DevelopmentAccountName}"),
                new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey));
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || !settings.TryGetValue("AccountKey", out var accountKey))
        {
            throw new FormatException("A storage connection string needs AccountName and AccountKey, or UseDevelopmentStorage=true.");
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var blob = settings.TryGetValue("BlobEndpoint", out var blobEndpoint)
            ? new Uri(blobEndpoint)
            : new Uri($"{protocol}://{accountName}.blob.{suffix}");
        var queue = settings.TryGetValue("QueueEndpoint", out var queueEndpoint)
            ? new Uri(queueEndpoint)
            : new Uri($"{protocol}://{accountName}.queue.{suffix}");
        return WithSharedKey(blob, queue, new StorageSharedKeyCredential(accountName, accountKey));
    }

    /// <summary>
    /// Reads the account the way the Functions host reads a connection named <paramref name="connectionName"/>:
    /// the value itself is a connection string; otherwise the section's <c>blobServiceUri</c> and
    /// <c>queueServiceUri</c> (or <c>accountName</c>) with managed identity (<c>clientId</c> for a user-assigned one).
    /// </summary>
    public static StorageAccount FromConfiguration(IConfiguration configuration, string connectionName = "AzureWebJobsStorage")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[connectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return Parse(connectionString);
        }

        var section = configuration.GetSection(connectionName);
        var accountName = section["accountName"];
        var blobUri = section["blobServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.blob.core.windows.net");
        var queueUri = section["queueServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.queue.core.windows.net");
        if (blobUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{connectionName}' to a connection string, or '{connectionName}:blobServiceUri' and '{connectionName}:queueServiceUri' for managed identity.");
        }

        return WithTokenCredential(new Uri(blobUri), new Uri(queueUri), ManagedIdentityCredentials.Create(section["clientId"]));
    }

    private static Dictionary<string, string> ParseSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split at the first '=' only: account keys end in '=' padding.
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                // The part is not echoed: it may be a secret.
                throw new FormatException("A storage connection string is a list of Name=Value settings separated by ';'.");
            }

            settings[part[..separator].Trim()] = part[(separator + 1)..].Trim();
        }

        return settings;
    }

    private static Uri TrimTrailingSlash(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var text = endpoint.AbsoluteUri;
        return text.EndsWith('/') ? new Uri(text.TrimEnd('/')) : endpoint;
    }
}
