using Microsoft.Extensions.Hosting;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>Runs <see cref="ICosmosInitializer"/> when the host starts, before it serves requests or messages.</summary>
internal sealed class CosmosInitializationService(ICosmosInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
