namespace Serverless.LocalHost.Queues;

/// <summary>A queue-triggered function: its name, the queue it listens to, and what it does with a message's text.</summary>
public sealed record QueueTrigger(
    string FunctionName,
    string QueueName,
    Func<IServiceProvider, string, CancellationToken, Task> ProcessAsync);
