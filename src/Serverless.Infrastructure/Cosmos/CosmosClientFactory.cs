using System.Net.Security;
using Serverless.Infrastructure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Serverless.Domain.Json;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>Builds the one <see cref="CosmosClient"/> of the process from <see cref="CosmosSettings"/>.</summary>
internal static class CosmosClientFactory
{
    public static CosmosClient Create(CosmosSettings settings, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var options = new CosmosClientOptions
        {
            // Gateway (HTTPS) is the only mode the local server speaks, and it needs no extra ports in Azure.
            ConnectionMode = ConnectionMode.Gateway,
            Serializer = new SystemTextJsonCosmosSerializer(DomainJson.Options),
            // Callers need the ETag, not the echoed body.
            EnableContentResponseOnWrite = false,
            ApplicationName = "serverless-marketing",
            // A loopback server has no other regions; its account metadata would point the SDK elsewhere.
            LimitToEndpoint = settings.Endpoint.IsLoopback,
        };
        options.CustomHandlers.Add(new RequestChargeLoggingHandler(loggerFactory.CreateLogger("Serverless.Infrastructure.Cosmos.RequestCharge")));

        if (settings.AcceptsAnyCertificate)
        {
            options.HttpClientFactory = CreateLoopbackTolerantHttpClient;
        }

        if (settings.UsesKey)
        {
            return new CosmosClient(settings.Endpoint.AbsoluteUri, settings.Key, options);
        }

        return new CosmosClient(settings.Endpoint.AbsoluteUri, ManagedIdentityCredentials.Create(settings.ClientId), options);
    }

    private static HttpClient CreateLoopbackTolerantHttpClient()
    {
        var handler = new HttpClientHandler
        {
            // Certificate errors are forgiven only for requests that stay on this machine.
            ServerCertificateCustomValidationCallback = (request, _, _, errors) =>
                errors == SslPolicyErrors.None || request.RequestUri is { IsLoopback: true },
        };
        return new HttpClient(handler, disposeHandler: true);
    }
}
