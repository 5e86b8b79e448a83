using Azure.Core;
using Azure.Identity;

namespace Serverless.Infrastructure.Identity;

/// <summary>
/// The one place that creates the Entra credential the product authenticates with in Azure (storage, Cosmos DB,
/// Application Insights ingestion). Hosts call this instead of naming Azure.Identity types: from Azure.Core 1.62 on,
/// Azure.Core also carries the Azure.Identity types, so a host that references both would not compile.
/// </summary>
public static class ManagedIdentityCredentials
{
    /// <summary>
    /// <c>DefaultAzureCredential</c> that prefers the user-assigned managed identity <paramref name="clientId"/> when
    /// given (the Bicep deployment sets it), and otherwise falls back to the system identity or a developer login.
    /// </summary>
    public static TokenCredential Create(string? clientId) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
        });
}
