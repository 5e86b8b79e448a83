using Microsoft.Azure.Functions.Worker;
using Serverless.Application.Events;
using Serverless.Application.Hosting;

namespace Serverless.Functions;

/// <summary>
/// One behaviour event from the <c>events</c> queue. A failure (transient, or a PermanentMessageException) fails the
/// invocation; the runtime retries per host.json and moves the message to <c>events-poison</c> after maxDequeueCount.
/// </summary>
public sealed class ProcessEventFunction(ProcessEventMessageHandler handler)
{
    [Function(FunctionNames.ProcessEvent)]
    public Task RunAsync(
        [QueueTrigger("%EventsQueueName%", Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
