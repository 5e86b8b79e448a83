using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

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

    /// <summary>
    /// The credential Application Insights ingestion must use when local authentication is disabled on the resource:
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> = <c>Authorization=AAD;ClientId=&lt;identity&gt;</c> (the Bicep
    /// sets it); null when the setting does not ask for Entra authentication.
    /// </summary>
    public static TokenCredential? ForApplicationInsights(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = (configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        return settings.TryGetValue("Authorization", out var kind) && kind.Equals("AAD", StringComparison.OrdinalIgnoreCase)
            ? Create(settings.GetValueOrDefault("ClientId"))
            : null;
    }
}
