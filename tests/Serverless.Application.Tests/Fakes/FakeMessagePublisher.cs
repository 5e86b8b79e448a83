using System.Collections.Concurrent;
using System.Text.Json;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Fakes;

/// <summary>Records each message as the queue would hold it (DomainJson text), by queue name.</summary>
public sealed class FakeMessagePublisher : IMessagePublisher
{
    public ConcurrentQueue<(string Queue, string Json)> Sent { get; } = new();

    /// <summary>Thrown (once) by the next publish to that queue, to simulate a crash.</summary>
    public ConcurrentDictionary<string, Exception> FailNextPublish { get; } = new();

    public Task PublishAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        if (FailNextPublish.TryRemove(queueName, out var failure))
        {
            throw failure;
        }

        Sent.Enqueue((queueName, JsonSerializer.Serialize(message, DomainJson.Options)));
        return Task.CompletedTask;
    }

    public List<T> Messages<T>(string queueName) =>
        Sent.Where(m => m.Queue == queueName).Select(m => JsonSerializer.Deserialize<T>(m.Json, DomainJson.Options)!).ToList();

    public List<string> Raw(string queueName) => Sent.Where(m => m.Queue == queueName).Select(m => m.Json).ToList();
}
