using Serverless.Domain.Events;
using Serverless.Domain.Ports;

namespace Serverless.Benchmarks.Ingestion;

/// <summary>Wraps the real event log to count events marked processed: the pipeline's last step, so the end of a run.</summary>
internal sealed class CountingEventLog(IEventLog inner) : IEventLog
{
    private long _processed;

    public long Processed => Interlocked.Read(ref _processed);

    public Task<EventAppendResult> TryAppendAsync(BehaviorEvent behaviorEvent, CancellationToken cancellationToken) =>
        inner.TryAppendAsync(behaviorEvent, cancellationToken);

    public async Task MarkProcessedAsync(string userId, string eventId, CancellationToken cancellationToken)
    {
        await inner.MarkProcessedAsync(userId, eventId, cancellationToken);
        Interlocked.Increment(ref _processed);
    }

    public IAsyncEnumerable<BehaviorEvent> ReadByUserAsync(string userId, CancellationToken cancellationToken) =>
        inner.ReadByUserAsync(userId, cancellationToken);

    public Task<int> DeleteByUserAsync(string userId, CancellationToken cancellationToken) =>
        inner.DeleteByUserAsync(userId, cancellationToken);
}
