using System.Collections.Concurrent;
using System.Text.Json;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Storage;

namespace Serverless.Infrastructure.Messaging;

/// <summary>
/// Publishes messages as <see cref="DomainJson"/> JSON to Storage queues (encoded as the client is configured:
/// base64 by default, what the Functions queue trigger reads). Each queue is created on its first use.
/// </summary>
public sealed class QueueMessagePublisher(QueueStorageClient queues) : IMessagePublisher
{
    private readonly ConcurrentDictionary<string, bool> _existingQueues = new(StringComparer.Ordinal);

    public async Task PublishAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        ArgumentNullException.ThrowIfNull(message);
        var text = JsonSerializer.Serialize(message, DomainJson.Options);
        if (!_existingQueues.ContainsKey(queueName))
        {
            // Racing first publishers may both ask: creating is idempotent, and a failure is not remembered.
            await queues.CreateQueueIfNotExistsAsync(queueName, cancellationToken).ConfigureAwait(false);
            _existingQueues.TryAdd(queueName, true);
        }

        try
        {
            await queues.SendMessageAsync(queueName, text, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestFailedException exception) when (exception.ErrorCode == StorageErrorCodes.QueueNotFound)
        {
            // Deleted since we created it (e.g. by an operator): create it again rather than fail every publish.
            await queues.CreateQueueIfNotExistsAsync(queueName, cancellationToken).ConfigureAwait(false);
            await queues.SendMessageAsync(queueName, text, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
