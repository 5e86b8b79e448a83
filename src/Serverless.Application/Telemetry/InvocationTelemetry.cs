using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serverless.Application.Hosting;

namespace Serverless.Application.Telemetry;

/// <summary>
/// Wraps one function invocation the same way in every host: a logging scope with the function, the invocation id and,
/// for queue functions, the message id and dequeue count; the invocation's duration and outcome in
/// <see cref="ApplicationMetrics"/>; and, when a queue invocation fails on its last attempt (dequeue count at host.json's
/// maxDequeueCount), a poisoned message, since the runtime then moves it to the poison queue.
/// </summary>
public sealed class InvocationTelemetry(
    ApplicationMetrics metrics,
    ConfiguredQueueNames queueNames,
    IConfiguration configuration,
    ILogger<InvocationTelemetry> logger)
{
    private readonly int _maxDequeueCount = QueueRetryLimits.MaxDequeueCount(configuration);

    /// <param name="function">The function's name; a name outside <see cref="FunctionCatalog"/> is run without metrics.</param>
    /// <param name="shutdown">Whether the host is stopping, asked after a failure (a cancellation then is no fault).</param>
    public async Task<T> RunAsync<T>(
        string function,
        string invocationId,
        Func<Task<T>> invoke,
        string? messageId = null,
        long? dequeueCount = null,
        Func<bool>? shutdown = null)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        var definition = FunctionCatalog.All.FirstOrDefault(f => f.Name == function);
        using var scope = logger.BeginInvocationScope(function, invocationId, messageId, dequeueCount);
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            return await invoke();
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            if (definition is not null)
            {
                metrics.RecordInvocation(
                    definition.Name, definition.Trigger, InvocationOutcomes.Of(failure, shutdown?.Invoke() ?? false), Stopwatch.GetElapsedTime(started));
                if (failure is not null && definition.Trigger == TriggerKind.Queue
                    && dequeueCount is { } attempt && QueueRetryLimits.IsLastAttempt(attempt, _maxDequeueCount))
                {
                    metrics.RecordMessagePoisoned(definition.Name, queueNames.For(definition.Name));
                }
            }
        }
    }
}
