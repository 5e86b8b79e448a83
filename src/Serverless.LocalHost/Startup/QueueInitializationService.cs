using Serverless.Domain.Ports;
using Serverless.Infrastructure.Storage;

namespace Serverless.LocalHost.Startup;

/// <summary>
/// Creates the queues the functions read and write (and the poison twins of the consumed ones) before the host
/// serves anything, so that a fresh Azurite works at once. In Azure the deployment creates them.
/// </summary>
public sealed class QueueInitializationService(StorageAccount account, ILogger<QueueInitializationService> logger) : IHostedService
{
    public static IReadOnlyList<string> QueueNamesToCreate { get; } =
    [
        QueueNames.Events,
        QueueNames.Poison(QueueNames.Events),
        QueueNames.Catalog,
        QueueNames.Poison(QueueNames.Catalog),
        QueueNames.SegmentChanges,
        QueueNames.Rescore,
        QueueNames.Handoff,
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var client = new QueueStorageClient(account);
        foreach (var name in QueueNamesToCreate)
        {
            if (await client.CreateQueueIfNotExistsAsync(name, cancellationToken))
            {
                logger.LogInformation("Created queue {Queue}", name);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
