using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Infrastructure.Cosmos;
using Serverless.Infrastructure.ModelRegistry;
using Serverless.Infrastructure.Storage;

namespace Serverless.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the adapters behind the Domain ports: Cosmos DB repositories and event log, the Blob event archive,
    /// the queue publisher, health probes, and the start-up step that creates missing Cosmos containers (with a key;
    /// with managed identity they come from Bicep). Hosts create their trigger queues; the publisher creates a queue on first use.
    /// Settings: <c>AzureWebJobsStorage</c> and <c>CosmosDb:*</c> (see local.settings.sample.json).
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        StorageServiceCollectionExtensions.AddStorageAdapters(services, configuration);
        CosmosServiceCollectionExtensions.AddCosmosAdapters(services, configuration);
        ModelRegistryServiceCollectionExtensions.AddModelAdapters(services, configuration);
        return services;
    }
}
