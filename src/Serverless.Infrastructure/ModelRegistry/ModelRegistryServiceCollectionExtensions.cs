using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Training;

namespace Serverless.Infrastructure.ModelRegistry;

/// <summary>Registers the Blob model registry, the interaction snapshot store and the archive index (called by AddInfrastructure).</summary>
internal static class ModelRegistryServiceCollectionExtensions
{
    public static IServiceCollection AddModelAdapters(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => ModelRegistryOptions.FromConfiguration(configuration));
        services.TryAddSingleton<IModelRegistry, BlobModelRegistry>();
        services.TryAddSingleton<IInteractionSnapshotStore, BlobInteractionSnapshotStore>();
        services.TryAddSingleton<IDemandSnapshotStore, BlobDemandSnapshotStore>();
        services.TryAddSingleton<IEventArchiveIndex, BlobEventArchiveIndex>();
        return services;
    }
}
