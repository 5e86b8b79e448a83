using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Archive;
using Serverless.Infrastructure.Messaging;
using Serverless.Infrastructure.Support;

namespace Serverless.Infrastructure.Storage;

/// <summary>Registers the Blob/Queue clients, the event archive and the queue publisher (called by AddInfrastructure).</summary>
internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorageAdapters(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Resolved lazily so that a host that never touches storage does not need the setting.
        services.TryAddSingleton(_ => StorageAccount.FromConfiguration(configuration));
        services.TryAddSingleton(_ => new StorageClientOptions());
        services.TryAddSingleton(provider => new BlobStorageClient(
            provider.GetRequiredService<StorageAccount>(), provider.GetRequiredService<StorageClientOptions>()));
        services.TryAddSingleton(provider => new QueueStorageClient(
            provider.GetRequiredService<StorageAccount>(), provider.GetRequiredService<StorageClientOptions>()));
        services.TryAddSingleton(_ => EventArchiveOptions.FromConfiguration(configuration));
        services.TryAddSingleton<BlobEventArchive>();
        services.TryAddSingleton<IEventArchive>(provider => provider.GetRequiredService<BlobEventArchive>());
        services.TryAddSingleton<IMessagePublisher, QueueMessagePublisher>();
        services.TryAddSingleton(_ => SupportContentOptions.FromConfiguration(configuration));
        services.TryAddSingleton<ISupportContentStore, BlobSupportContentStore>();
        services.AddSingleton<IHealthProbe, StorageHealthProbe>();
        return services;
    }
}
