using System.Diagnostics;
using Azure;
using Serverless.Application.Common;
using Serverless.Application.Hosting;
using Serverless.Application.Telemetry;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Storage;
using Serverless.LocalHost.Configuration;

namespace Serverless.LocalHost.Queues;

/// <summary>
/// Polls one queue and runs its function on each message, following the Functions Storage Queues extension:
/// batches of <c>batchSize</c> are fetched while the messages in flight exceed no more than <c>newBatchThreshold</c>;
/// an empty queue is polled with exponential back-off up to <c>maxPollingInterval</c>; each message is leased for
/// <see cref="DefaultLeaseDuration"/>, renewed at half time while its function runs; success deletes it; failure makes
/// it visible again after <c>visibilityTimeout</c>, and the failure on the <c>maxDequeueCount</c>-th attempt moves it
/// to <c>&lt;queue&gt;-poison</c> with its text unchanged. Text that does not decode (base64 expected) goes straight
/// to the poison queue.
/// </summary>
public sealed class QueueListener : BackgroundService
{
    /// <summary>The runtime's lease on a message being processed.</summary>
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromMinutes(10);

    private readonly QueueTrigger _trigger;
    private readonly QueuesOptions _options;
    private readonly IServiceProvider _services;
    private readonly ILogger<QueueListener> _logger;
    private readonly QueueStorageClient _client;
    private readonly QueueStorageClient _rawClient;
    private readonly TimeSpan _leaseDuration;
    private readonly string _poisonQueueName;
    private readonly ApplicationMetrics? _metrics;

    public QueueListener(
        QueueTrigger trigger,
        StorageAccount account,
        QueuesOptions options,
        IServiceProvider services,
        ILogger<QueueListener> logger,
        TimeSpan? leaseDuration = null)
    {
        _trigger = trigger;
        _options = options;
        _services = services;
        _logger = logger;
        _client = new QueueStorageClient(account, new StorageClientOptions { MessageEncoding = options.MessageEncoding });
        // Text that failed to decode is forwarded exactly as stored.
        _rawClient = new QueueStorageClient(account, new StorageClientOptions { MessageEncoding = QueueMessageEncoding.None });
        _leaseDuration = leaseDuration ?? DefaultLeaseDuration;
        _poisonQueueName = QueueNames.Poison(trigger.QueueName);
        _metrics = services.GetService<ApplicationMetrics>();
    }

    public QueueTrigger Trigger => _trigger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation(
            "Queue listener {Function} on {Queue}: batchSize {BatchSize}, newBatchThreshold {Threshold}, maxPollingInterval {MaxPolling}, visibilityTimeout {Visibility}, maxDequeueCount {MaxDequeue}, encoding {Encoding}",
            _trigger.FunctionName,
            _trigger.QueueName,
            _options.BatchSize,
            _options.NewBatchThreshold,
            _options.MaxPollingInterval,
            _options.VisibilityTimeout,
            _options.MaxDequeueCount,
            _options.MessageEncoding);

        var inFlight = new List<Task>();
        var backoff = new PollingBackoff(_options.MaxPollingInterval);
        var foundSinceLastDelay = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                while (inFlight.Count > _options.NewBatchThreshold)
                {
                    inFlight.Remove(await Task.WhenAny(inFlight));
                }

                var batch = await ReceiveAsync(stoppingToken);
                if (batch.Count == 0)
                {
                    var delay = backoff.Next(foundSinceLastDelay);
                    foundSinceLastDelay = false;
                    await Task.Delay(delay, stoppingToken);
                    continue;
                }

                foundSinceLastDelay = true;
                inFlight.RemoveAll(task => task.IsCompleted);
                foreach (var message in batch)
                {
                    inFlight.Add(ProcessMessageAsync(message, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the messages in flight finish below.
        }
        finally
        {
            await Task.WhenAll(inFlight);
            _logger.LogInformation("Queue listener {Function} on {Queue} stopped", _trigger.FunctionName, _trigger.QueueName);
        }
    }

    private async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await _client.ReceiveMessagesAsync(_trigger.QueueName, _options.BatchSize, _leaseDuration, stoppingToken);
        }
        catch (RequestFailedException exception)
        {
            // Like the runtime: a missing queue or an unreachable service means waiting and trying again.
            _logger.LogWarning("Could not poll {Queue} ({Status} {ErrorCode}): {Reason}", _trigger.QueueName, exception.Status, exception.ErrorCode, exception.Message);
            return [];
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An unreadable answer must not stop the listener (and with it the host) for good.
            _logger.LogError(exception, "Could not poll {Queue}", _trigger.QueueName);
            return [];
        }
    }

    private async Task ProcessMessageAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        // Yield first, so that every message of a batch is started before any of them runs to its first await.
        await Task.Yield();
        // Every attempt is an invocation of its own, as in Functions; the message id ties the attempts together.
        using var scope = _logger.BeginInvocationScope(
            _trigger.FunctionName, Guid.NewGuid().ToString(), message.MessageId, message.DequeueCount);
        try
        {
            if (message.DecodingFailed)
            {
                _logger.LogWarning(
                    "Message {MessageId} in {Queue} is not valid {Encoding} text; check messageEncoding in host.json",
                    message.MessageId,
                    _trigger.QueueName,
                    _options.MessageEncoding);
                await MoveToPoisonQueueAsync(message, message.PopReceipt, "the message text could not be decoded");
                return;
            }

            if (message.DequeueCount > _options.MaxDequeueCount)
            {
                // Received more often than allowed without completing (e.g. the process died mid-run).
                await MoveToPoisonQueueAsync(message, message.PopReceipt, "the dequeue count exceeded maxDequeueCount before processing");
                return;
            }

            await ExecuteAsync(message, stoppingToken);
        }
        catch (Exception exception)
        {
            // Storage errors while completing a message: it becomes visible again when its lease ends.
            _logger.LogError(exception, "Could not complete message {MessageId} in {Queue}", message.MessageId, _trigger.QueueName);
        }
    }

    private async Task ExecuteAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        var lease = new MessageLease(_client, _trigger.QueueName, message, _leaseDuration, _logger);
        var stopwatch = Stopwatch.StartNew();
        Exception? failure = null;
        var cancelled = false;
        lease.Start();
        try
        {
            await _trigger.ProcessAsync(_services, message.Body, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        finally
        {
            await lease.StopAsync();
        }

        _metrics?.RecordInvocation(_trigger.FunctionName, TriggerKind.Queue, cancelled ? InvocationOutcome.Cancelled : InvocationOutcomes.Of(failure), stopwatch.Elapsed);

        if (cancelled)
        {
            // Shutdown is no fault of the message: make it visible again at once, without the poison rule.
            _logger.LogInformation("{Function} was cancelled by shutdown; releasing message {MessageId}", _trigger.FunctionName, message.MessageId);
            await ReleaseAsync(message, lease.PopReceipt, TimeSpan.Zero);
            return;
        }

        if (failure is null)
        {
            _logger.LogInformation(
                "Executed {Function} (Succeeded, MessageId={MessageId}, DequeueCount={DequeueCount}, Duration={DurationMs}ms)",
                _trigger.FunctionName,
                message.MessageId,
                message.DequeueCount,
                stopwatch.ElapsedMilliseconds);
            if (!await _client.DeleteMessageAsync(_trigger.QueueName, message.MessageId, lease.PopReceipt, CancellationToken.None))
            {
                _logger.LogWarning("Message {MessageId} was already gone from {Queue} when deleting it", message.MessageId, _trigger.QueueName);
            }

            return;
        }

        var reason = failure is PermanentMessageException permanent ? permanent.Reason : failure.Message;
        if (message.DequeueCount >= _options.MaxDequeueCount)
        {
            _logger.Log(
                failure is PermanentMessageException ? LogLevel.Warning : LogLevel.Error,
                failure is PermanentMessageException ? null : failure,
                "Executed {Function} (Failed, MessageId={MessageId}, DequeueCount={DequeueCount}, Duration={DurationMs}ms): {Reason}",
                _trigger.FunctionName,
                message.MessageId,
                message.DequeueCount,
                stopwatch.ElapsedMilliseconds,
                reason);
            await MoveToPoisonQueueAsync(message, lease.PopReceipt, reason);
            return;
        }

        _logger.Log(
            failure is PermanentMessageException ? LogLevel.Warning : LogLevel.Error,
            failure is PermanentMessageException ? null : failure,
            "Executed {Function} (Failed, MessageId={MessageId}, DequeueCount={DequeueCount} of {MaxDequeueCount}, Duration={DurationMs}ms): {Reason}; retrying after {VisibilityTimeout}",
            _trigger.FunctionName,
            message.MessageId,
            message.DequeueCount,
            _options.MaxDequeueCount,
            stopwatch.ElapsedMilliseconds,
            reason,
            _options.VisibilityTimeout);
        await ReleaseAsync(message, lease.PopReceipt, _options.VisibilityTimeout);
    }

    private async Task ReleaseAsync(QueueMessage message, string popReceipt, TimeSpan visibilityTimeout)
    {
        try
        {
            await _client.UpdateMessageAsync(_trigger.QueueName, message.MessageId, popReceipt, visibilityTimeout, cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException exception) when (exception.Status is 400 or 404)
        {
            // Another consumer took it over, or it is gone: nothing to release.
            _logger.LogDebug("Message {MessageId} could not be released ({ErrorCode})", message.MessageId, exception.ErrorCode);
        }
    }

    private async Task MoveToPoisonQueueAsync(QueueMessage message, string popReceipt, string reason)
    {
        _logger.LogWarning(
            "Moving message {MessageId} to queue '{PoisonQueue}' after {DequeueCount} attempt(s) (maxDequeueCount {MaxDequeueCount}). Reason: {Reason}",
            message.MessageId,
            _poisonQueueName,
            message.DequeueCount,
            _options.MaxDequeueCount,
            reason);
        _metrics?.RecordMessagePoisoned(_trigger.FunctionName, _trigger.QueueName);

        // The same wire text as the original: re-encoded as it was decoded, or forwarded raw when it did not decode.
        var client = message.DecodingFailed ? _rawClient : _client;
        try
        {
            await client.SendMessageAsync(_poisonQueueName, message.Body, cancellationToken: CancellationToken.None);
        }
        catch (StorageRequestFailedException exception) when (exception.IsNotFound)
        {
            await client.CreateQueueIfNotExistsAsync(_poisonQueueName, CancellationToken.None);
            await client.SendMessageAsync(_poisonQueueName, message.Body, cancellationToken: CancellationToken.None);
        }

        await _client.DeleteMessageAsync(_trigger.QueueName, message.MessageId, popReceipt, CancellationToken.None);
    }
}
