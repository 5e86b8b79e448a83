using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Domain.Ports;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>Registers the Cosmos DB adapters; called by <c>AddInfrastructure</c>.</summary>
internal static class CosmosServiceCollectionExtensions
{
    public static IServiceCollection AddCosmosAdapters(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Settings are read on first use so that a host without Cosmos settings fails with a clear message only if it needs Cosmos.
        services.AddSingleton(_ => CosmosSettings.FromConfiguration(configuration));
        services.AddSingleton(provider => CosmosClientFactory.Create(
            provider.GetRequiredService<CosmosSettings>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<CosmosContainers>();
        services.AddSingleton<ICosmosInitializer, CosmosInitializer>();
        services.AddHostedService<CosmosInitializationService>();

        services.AddSingleton<IProfileRepository, CosmosProfileRepository>();
        services.AddSingleton<IEventLog, CosmosEventLog>();
        services.AddSingleton<IOrderRepository, CosmosOrderRepository>();
        services.AddSingleton<ICatalogRepository, CosmosCatalogRepository>();
        services.AddSingleton<IForecastRepository, CosmosForecastRepository>();
        services.AddSingleton<ISegmentRepository, CosmosSegmentRepository>();
        services.AddSingleton<IConversationRepository, CosmosConversationRepository>();
        services.AddSingleton<IHealthProbe, CosmosHealthProbe>();
        return services;
    }
}
