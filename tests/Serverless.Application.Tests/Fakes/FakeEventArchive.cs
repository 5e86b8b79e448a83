using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Fakes;

public sealed class FakeEventArchive : IEventArchive
{
    public ConcurrentQueue<BehaviorEvent> Appended { get; } = new();

    public Task AppendAsync(IReadOnlyList<BehaviorEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            Appended.Enqueue(e);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BehaviorEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var e in Appended.Where(e => e.OccurredAt >= from && e.OccurredAt < to).DistinctBy(e => e.EventId))
        {
            await Task.Yield();
            yield return e;
        }
    }
}
