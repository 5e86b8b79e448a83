using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Application.Segments;
using Serverless.Application.Telemetry;
using Serverless.Domain.Events;
using Serverless.Domain.Orders;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;
using Serverless.Domain.Validation;

namespace Serverless.Application.Events;

/// <summary>
/// Consumes one message of the <c>events</c> queue: validates it, records it in the event log and the archive,
/// folds it into the user's profile, rescores, moves the segment membership and merges the order.
/// </summary>
/// <remarks>
/// Every step is idempotent, so a crash at any point followed by a redelivery converges without double counting:
/// the event log tells a finished event from an interrupted one; the archive is at-least-once (readers drop
/// duplicates); the profile's applied-event ring makes the profile step a no-op the second time, in which case the
/// memberships are re-synchronised with the profile; the order keeps its merged event ids. The event is marked
/// processed only after all of that.
/// </remarks>
public sealed class ProcessEventMessageHandler(
    IEventLog eventLog,
    IEventArchive archive,
    IProfileRepository profiles,
    IOrderRepository orders,
    RfmThresholdsProvider thresholds,
    SegmentMembershipUpdater memberships,
    IOptions<ProfileOptions> profileOptions,
    TimeProvider timeProvider,
    ILogger<ProcessEventMessageHandler> logger,
    ApplicationMetrics metrics)
{
    private readonly ProfileOptions _profileOptions = profileOptions.Value;

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var behaviorEvent = Parse(message);
        using var scope = logger.BeginEventScope(behaviorEvent.EventId, behaviorEvent.UserId);
        var appended = await eventLog.TryAppendAsync(behaviorEvent, cancellationToken);
        if (appended == EventAppendResult.AlreadyProcessed)
        {
            logger.LogInformation("Duplicate {EventId} for {UserId} ignored", behaviorEvent.EventId, behaviorEvent.UserId);
            metrics.RecordEventProcessed(behaviorEvent.Type, EventOutcome.Duplicate);
            return;
        }

        // After the log check so that plain duplicates are not archived again; an interrupted event is archived again (at-least-once).
        await archive.AppendAsync([behaviorEvent], cancellationToken);

        var update = await UpdateProfileAsync(behaviorEvent, cancellationToken);
        if (!update.Applied)
        {
            // Applied by an earlier delivery that did not finish: what it did to the memberships is unknown.
            logger.LogInformation("Event {EventId} was already in the profile of {UserId}; re-synchronising segments", behaviorEvent.EventId, behaviorEvent.UserId);
            await memberships.SynchronizeAsync(update.Profile, cancellationToken);
        }
        else if (update.Outcome!.SegmentChanged)
        {
            await memberships.ApplyChangeAsync(update.Profile, update.Outcome.PreviousSegmentId, cancellationToken);
        }

        if (OrderMerger.IsOrderEvent(behaviorEvent))
        {
            await UpdateOrderAsync(behaviorEvent, cancellationToken);
        }

        await eventLog.MarkProcessedAsync(behaviorEvent.UserId, behaviorEvent.EventId, cancellationToken);
        metrics.RecordEventProcessed(behaviorEvent.Type, update.Applied ? EventOutcome.Applied : EventOutcome.Resynchronized);
        logger.LogInformation("Processed {EventType} {EventId} for {UserId}", behaviorEvent.Type, behaviorEvent.EventId, behaviorEvent.UserId);
    }

    private BehaviorEvent Parse(string message)
    {
        var errors = new List<ValidationError>();
        var behaviorEvent = BehaviorEventReader.Read(message ?? string.Empty, errors);
        if (behaviorEvent is not null)
        {
            errors.AddRange(BehaviorEventValidator.Validate(behaviorEvent, timeProvider.GetUtcNow()));
        }

        if (errors.Count > 0)
        {
            var reason = $"Invalid event message{(behaviorEvent is null ? string.Empty : $" {behaviorEvent.EventId}")}: {errors.Describe()}";
            logger.LogWarning("Rejected event message: {Reason}", reason);
            throw new PermanentMessageException(reason);
        }

        return behaviorEvent!;
    }

    private async Task<ProfileUpdate> UpdateProfileAsync(BehaviorEvent behaviorEvent, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var stored = await profiles.GetAsync(behaviorEvent.UserId, cancellationToken);
            var profile = stored?.Value ?? new UserProfile { UserId = behaviorEvent.UserId };
            if (!ProfileUpdater.Apply(profile, behaviorEvent, _profileOptions))
            {
                return new ProfileUpdate(false, null, profile);
            }

            var now = timeProvider.GetUtcNow();
            var outcome = ProfileScorer.Score(profile, await thresholds.GetAsync(cancellationToken), _profileOptions, now);
            profile.UpdatedAt = now;
            if (await profiles.TrySaveAsync(profile, stored?.ETag, cancellationToken) is not null)
            {
                return new ProfileUpdate(true, outcome, profile);
            }

            logger.LogDebug("Profile {UserId} changed concurrently (attempt {Attempt})", behaviorEvent.UserId, attempt);
            await OptimisticConcurrency.BackoffAsync(attempt, cancellationToken);
        }

        throw new ConcurrencyConflictException($"Profile {behaviorEvent.UserId} kept changing for {OptimisticConcurrency.MaxAttempts} attempts.");
    }

    private async Task UpdateOrderAsync(BehaviorEvent behaviorEvent, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var stored = await orders.GetAsync(behaviorEvent.UserId, behaviorEvent.OrderId!, cancellationToken);
            var order = stored?.Value ?? OrderMerger.Create(behaviorEvent);
            if (!OrderMerger.Merge(order, behaviorEvent))
            {
                return;
            }

            if (await orders.TrySaveAsync(order, stored?.ETag, cancellationToken) is not null)
            {
                return;
            }

            logger.LogDebug("Order {OrderId} of {UserId} changed concurrently (attempt {Attempt})", behaviorEvent.OrderId, behaviorEvent.UserId, attempt);
            await OptimisticConcurrency.BackoffAsync(attempt, cancellationToken);
        }

        throw new ConcurrencyConflictException($"Order {behaviorEvent.OrderId} kept changing for {OptimisticConcurrency.MaxAttempts} attempts.");
    }

    private sealed record ProfileUpdate(bool Applied, ScoringOutcome? Outcome, UserProfile Profile);
}
