using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>
/// The event log in container <c>events</c>: partition key = user id, id = event id, plus a <c>processed</c> flag.
/// A redelivery is detected by the 409 on create; the flag tells a finished event from one that failed midway.
/// </summary>
internal sealed class CosmosEventLog(CosmosContainers containers, ILogger<CosmosEventLog> logger) : IEventLog
{
    private const string ProcessedProperty = "processed";
    private const int MaxAppendAttempts = 3;

    public async Task<EventAppendResult> TryAppendAsync(BehaviorEvent behaviorEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(behaviorEvent);
        var document = CosmosDocument.From(behaviorEvent, behaviorEvent.EventId);
        document[ProcessedProperty] = false;

        for (var attempt = 1; attempt <= MaxAppendAttempts; attempt++)
        {
            if (await containers.Events.CreateOrNullAsync(document, behaviorEvent.UserId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return EventAppendResult.Created;
            }

            var existing = await containers.Events.ReadOrNullAsync<EventLogEntry>(behaviorEvent.EventId, behaviorEvent.UserId, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return existing.Value.Processed ? EventAppendResult.AlreadyProcessed : EventAppendResult.SeenButNotProcessed;
            }

            // Gone between the conflict and the read (erasure or expiry): creating it again is correct.
            logger.LogDebug("Event {EventId} vanished after a conflict; appending again (attempt {Attempt})", behaviorEvent.EventId, attempt);
        }

        throw new InvalidOperationException($"Event {behaviorEvent.EventId} kept conflicting and vanishing; giving up after {MaxAppendAttempts} attempts.");
    }

    public async Task MarkProcessedAsync(string userId, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        try
        {
            await containers.Events.PatchItemAsync<EventLogEntry>(
                eventId,
                new PartitionKey(userId),
                [PatchOperation.Set("/" + ProcessedProperty, true)],
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            // Erased or expired meanwhile: there is nothing left to mark.
            logger.LogWarning("Event {EventId} of user {UserId} was not in the log when marking it processed", eventId, userId);
        }
    }

    public async IAsyncEnumerable<BehaviorEvent> ReadByUserAsync(string userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await foreach (var behaviorEvent in containers.Events.QueryPartitionAsync<BehaviorEvent>(ByUser(userId), userId, cancellationToken).ConfigureAwait(false))
        {
            yield return behaviorEvent;
        }
    }

    public Task<int> DeleteByUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return containers.Events.DeleteMatchingAsync(ByUser(userId), userId, cancellationToken);
    }

    private static QueryDefinition ByUser(string userId) =>
        new QueryDefinition("SELECT * FROM c WHERE c.userId = @userId").WithParameter("@userId", userId);
}
