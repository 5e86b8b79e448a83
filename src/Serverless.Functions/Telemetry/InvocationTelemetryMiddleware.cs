using System.Diagnostics;
using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serverless.Application.Hosting;
using Serverless.Application.Telemetry;

namespace Serverless.Functions.Telemetry;

/// <summary>
/// Wraps every invocation, as LocalHost does: a logging scope with the function name, <c>FunctionContext.InvocationId</c>
/// and, for queue triggers, the message id and dequeue count; the invocation's duration and outcome in
/// <see cref="ApplicationMetrics"/>; and, when a queue invocation fails on its last attempt (dequeue count at
/// host.json's maxDequeueCount), a poisoned message, since the runtime then moves it to the poison queue.
/// </summary>
public sealed class InvocationTelemetryMiddleware(
    ApplicationMetrics metrics,
    ConfiguredQueueNames queueNames,
    IConfiguration configuration,
    ILogger<InvocationTelemetryMiddleware> logger) : IFunctionsWorkerMiddleware
{
    private readonly int _maxDequeueCount = QueueRetryLimits.MaxDequeueCount(configuration);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var function = FunctionCatalog.All.FirstOrDefault(f => f.Name == context.FunctionDefinition.Name);
        var data = context.BindingContext.BindingData;
        var messageId = function?.Trigger == TriggerKind.Queue ? Text(data, "Id") : null;
        long? dequeueCount = function?.Trigger == TriggerKind.Queue
            && long.TryParse(Text(data, "DequeueCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
                ? count
                : null;

        using var scope = logger.BeginInvocationScope(context.FunctionDefinition.Name, context.InvocationId, messageId, dequeueCount);
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            if (function is not null)
            {
                metrics.RecordInvocation(function.Name, function.Trigger, InvocationOutcomes.Of(failure), Stopwatch.GetElapsedTime(started));
                if (failure is not null && dequeueCount is { } attempt && QueueRetryLimits.IsLastAttempt(attempt, _maxDequeueCount))
                {
                    metrics.RecordMessagePoisoned(function.Name, queueNames.For(function.Name));
                }
            }
        }
    }

    private static string? Text(IReadOnlyDictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim('"') : null;
}
