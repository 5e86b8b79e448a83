using System.Runtime.CompilerServices;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Fakes;

/// <summary>The events container: id = event id, a processed flag set at the end of processing.</summary>
public sealed class FakeEventLog : IEventLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (BehaviorEvent Event, bool Processed)> _events = new(StringComparer.Ordinal);

    /// <summary>Thrown (once) by the next MarkProcessed, to simulate a crash at the very end.</summary>
    public Exception? FailNextMarkProcessed { get; set; }

    public int ProcessedCount
    {
        get
        {
            lock (_lock)
            {
                return _events.Values.Count(e => e.Processed);
            }
        }
    }

    public bool IsProcessed(string eventId)
    {
        lock (_lock)
        {
            return _events.TryGetValue(eventId, out var entry) && entry.Processed;
        }
    }

    public Task<EventAppendResult> TryAppendAsync(BehaviorEvent behaviorEvent, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_events.TryGetValue(behaviorEvent.EventId, out var entry))
            {
                return Task.FromResult(entry.Processed ? EventAppendResult.AlreadyProcessed : EventAppendResult.SeenButNotProcessed);
            }

            _events[behaviorEvent.EventId] = (behaviorEvent, false);
            return Task.FromResult(EventAppendResult.Created);
        }
    }

    public Task MarkProcessedAsync(string userId, string eventId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (FailNextMarkProcessed is { } failure)
            {
                FailNextMarkProcessed = null;
                throw failure;
            }

            _events[eventId] = (_events[eventId].Event, true);
            return Task.CompletedTask;
        }
    }

    public async IAsyncEnumerable<BehaviorEvent> ReadByUserAsync(string userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<BehaviorEvent> events;
        lock (_lock)
        {
            events = _events.Values.Select(e => e.Event).Where(e => e.UserId == userId).ToList();
        }

        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }

    public Task<int> DeleteByUserAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var ids = _events.Where(e => e.Value.Event.UserId == userId).Select(e => e.Key).ToList();
            ids.ForEach(id => _events.Remove(id));
            return Task.FromResult(ids.Count);
        }
    }
}
