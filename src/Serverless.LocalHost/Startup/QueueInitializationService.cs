using Serverless.Application.Hosting;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Storage;

namespace Serverless.LocalHost.Startup;

/// <summary>
/// Creates the queues the functions read and write (and the poison twins of the consumed ones) before the host
/// serves anything, so that a fresh Azurite works at once. In Azure the deployment creates them.
/// </summary>
public sealed class QueueInitializationService(
    StorageAccount account,
    ConfiguredQueueNames queueNames,
    ILogger<QueueInitializationService> logger) : IHostedService
{
    /// <summary>The queue of every queue function of the catalogue (as the settings name it) and its poison twin, then the output queues.</summary>
    public static IReadOnlyList<string> QueueNamesToCreate(ConfiguredQueueNames queueNames)
    {
        ArgumentNullException.ThrowIfNull(queueNames);
        var consumed = FunctionCatalog.Queues.Select(f => queueNames.For(f.Name)).ToList();
        return consumed
            .SelectMany(name => new[] { name, QueueNames.Poison(name) })
            .Concat([QueueNames.SegmentChanges, QueueNames.Rescore, QueueNames.Handoff])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var client = new QueueStorageClient(account);
        foreach (var name in QueueNamesToCreate(queueNames))
        {
            if (await client.CreateQueueIfNotExistsAsync(name, cancellationToken))
            {
                logger.LogInformation("Created queue {Queue}", name);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
