using Serverless.Domain.Events;

namespace Serverless.Domain.Ports;

/// <summary>The <c>events</c> container (partition key /userId, TTL): the event id is the document id, which makes redelivery detectable.</summary>
public interface IEventLog
{
    Task<EventAppendResult> TryAppendAsync(BehaviorEvent behaviorEvent, CancellationToken cancellationToken);

    Task MarkProcessedAsync(string userId, string eventId, CancellationToken cancellationToken);

    /// <summary>Events of one user (single-partition query), in no particular order.</summary>
    IAsyncEnumerable<BehaviorEvent> ReadByUserAsync(string userId, CancellationToken cancellationToken);

    Task<int> DeleteByUserAsync(string userId, CancellationToken cancellationToken);
}
