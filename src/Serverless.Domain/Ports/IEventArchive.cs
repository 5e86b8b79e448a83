using Serverless.Domain.Events;

namespace Serverless.Domain.Ports;

/// <summary>
/// Append-only archive of accepted events in Blob storage (<c>archive/events/yyyy/MM/dd/HH/{writer}-{n}.jsonl</c>).
/// At-least-once: readers drop duplicate event ids. It is the training and replay source.
/// </summary>
public interface IEventArchive
{
    /// <summary>Appends the events, each to the hour partition of its <see cref="BehaviorEvent.OccurredAt"/>.</summary>
    Task AppendAsync(IReadOnlyList<BehaviorEvent> events, CancellationToken cancellationToken);

    /// <summary>Events with <c>from &lt;= OccurredAt &lt; to</c>, each event id once, in archive order within an hour.</summary>
    IAsyncEnumerable<BehaviorEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
