using Azure;
using Serverless.Infrastructure.Storage;

namespace Serverless.LocalHost.Queues;

/// <summary>
/// Keeps a received message hidden while its function runs: like the runtime, the visibility is renewed for the lease
/// duration each time half of it has passed. Each renewal changes the pop receipt, which <see cref="PopReceipt"/> tracks.
/// </summary>
public sealed class MessageLease
{
    private readonly QueueStorageClient _client;
    private readonly string _queueName;
    private readonly string _messageId;
    private readonly TimeSpan _duration;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _renewals = Task.CompletedTask;
    private volatile string _popReceipt;

    public MessageLease(QueueStorageClient client, string queueName, QueueMessage message, TimeSpan duration, ILogger logger)
    {
        _client = client;
        _queueName = queueName;
        _messageId = message.MessageId;
        _popReceipt = message.PopReceipt;
        _duration = duration;
        _logger = logger;
    }

    public string PopReceipt => _popReceipt;

    /// <summary>How many times the visibility was renewed.</summary>
    public int Renewals { get; private set; }

    public void Start() => _renewals = RenewAsync(_stop.Token);

    /// <summary>Stops renewing; a renewal already sent is awaited so that <see cref="PopReceipt"/> is current.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _renewals;
        _stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken stopToken)
    {
        var interval = _duration / 2;
        while (true)
        {
            try
            {
                await Task.Delay(interval, stopToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                // Not cancelled by stop: a renewal cut short could change the receipt without our knowing the new one.
                var receipt = await _client.UpdateMessageAsync(_queueName, _messageId, _popReceipt, _duration, cancellationToken: CancellationToken.None);
                _popReceipt = receipt.PopReceipt;
                Renewals++;
            }
            catch (RequestFailedException exception) when (exception.Status is 400 or 404)
            {
                _logger.LogWarning(
                    "Lost the lease on message {MessageId} in {Queue} ({ErrorCode}); another consumer may process it",
                    _messageId,
                    _queueName,
                    exception.ErrorCode);
                return;
            }
            catch (RequestFailedException exception)
            {
                _logger.LogWarning(exception, "Could not renew the lease on message {MessageId} in {Queue}; retrying", _messageId, _queueName);
            }
        }
    }
}
