using Microsoft.Extensions.DependencyInjection;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Storage;
using Serverless.LocalHost.Configuration;
using Serverless.LocalHost.Queues;
using Serverless.Testing;

namespace Serverless.LocalHost.Tests.Hosting;

/// <summary>A queue of its own on Azurite, a listener on it running a test handler, and helpers to look at the queues.</summary>
internal sealed class QueueListenerHarness : IAsyncDisposable
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    private readonly QueueListener _listener;
    private bool _stopped;

    private QueueListenerHarness(
        EmulatorFixture emulators,
        QueuesOptions options,
        Func<string, CancellationToken, Task> handler,
        TimeSpan? leaseDuration)
    {
        Account = StorageAccount.Parse(emulators.StorageConnectionString);
        QueueName = $"t-{Guid.NewGuid():N}"[..30];
        Options = options;
        Sender = new QueueStorageClient(Account, new StorageClientOptions { MessageEncoding = options.MessageEncoding });
        Raw = new QueueStorageClient(Account, new StorageClientOptions { MessageEncoding = QueueMessageEncoding.None });
        _listener = new QueueListener(
            new QueueTrigger("TestFunction", QueueName, (_, message, cancellationToken) => handler(message, cancellationToken)),
            Account,
            options,
            NoServices,
            Logger,
            leaseDuration);
    }

    public StorageAccount Account { get; }

    public string QueueName { get; }

    public string PoisonQueueName => QueueNames.Poison(QueueName);

    public QueuesOptions Options { get; }

    /// <summary>Sends with the listener's encoding.</summary>
    public QueueStorageClient Sender { get; }

    /// <summary>Sends and peeks the stored text as is.</summary>
    public QueueStorageClient Raw { get; }

    public ListLogger<QueueListener> Logger { get; } = new();

    /// <summary>Test options: fast polling, no retry delay, unless the test says otherwise.</summary>
    public static QueuesOptions FastOptions(
        int batchSize = 16,
        int? newBatchThreshold = null,
        int maxDequeueCount = 5,
        TimeSpan? visibilityTimeout = null,
        QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        var options = new QueuesOptions
        {
            BatchSize = batchSize,
            MaxPollingInterval = TimeSpan.FromMilliseconds(200),
            VisibilityTimeout = visibilityTimeout ?? TimeSpan.Zero,
            MaxDequeueCount = maxDequeueCount,
            MessageEncoding = encoding,
        };
        return newBatchThreshold is { } threshold ? options with { NewBatchThreshold = threshold } : options;
    }

    public static async Task<QueueListenerHarness> CreateAsync(
        EmulatorFixture emulators,
        QueuesOptions options,
        Func<string, CancellationToken, Task> handler,
        TimeSpan? leaseDuration = null)
    {
        var harness = new QueueListenerHarness(emulators, options, handler, leaseDuration);
        await harness.Raw.CreateQueueIfNotExistsAsync(harness.QueueName);
        return harness;
    }

    public Task StartAsync() => _listener.StartAsync(CancellationToken.None);

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _listener.StopAsync(CancellationToken.None);
        }
    }

    public Task<int> CountAsync(string queue) => Raw.GetApproximateMessageCountAsync(queue);

    /// <summary>The poison queue's messages as stored (0 when it was never created).</summary>
    public async Task<IReadOnlyList<PeekedQueueMessage>> PeekPoisonAsync()
    {
        try
        {
            return await Raw.PeekMessagesAsync(PoisonQueueName, QueueStorageClient.MaxMessagesPerReceive);
        }
        catch (StorageRequestFailedException exception) when (exception.IsNotFound)
        {
            return [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _listener.Dispose();
        await Raw.DeleteQueueIfExistsAsync(QueueName);
        await Raw.DeleteQueueIfExistsAsync(PoisonQueueName);
    }
}
