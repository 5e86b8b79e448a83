using Microsoft.Extensions.Logging;
using Serverless.Application.Telemetry;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;

namespace Serverless.Application.Segments;

/// <summary>
/// Carries a profile's segment into the membership documents, the segment sizes and the segment-changes queue.
/// Used by the event pipeline and by the rescoring job, so both follow the same path.
/// </summary>
/// <remarks>
/// The profile (written first, with an ETag) is the source of truth; memberships follow it. Steps run in an order
/// that converges when a message is redelivered after a crash: publish, remove the old membership, add the new one;
/// sizes move only when a membership really changed (Add/Remove returned true), so a repeat never counts twice.
/// A crash between a membership write and its size adjustment is repaired by the hourly reconciliation.
/// </remarks>
public sealed class SegmentMembershipUpdater(
    ISegmentRepository segments,
    IProfileRepository profiles,
    IMessagePublisher publisher,
    ILogger<SegmentMembershipUpdater> logger,
    ApplicationMetrics metrics)
{
    /// <summary>
    /// The profile was just saved in a new segment (<see cref="UserProfile.SegmentId"/>), leaving
    /// <paramref name="previousSegmentId"/>: announce it and move the membership.
    /// </summary>
    public async Task ApplyChangeAsync(UserProfile profile, string? previousSegmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var to = profile.SegmentId ?? throw new ArgumentException("The profile has not been scored.", nameof(profile));
        var at = profile.SegmentSince ?? profile.UpdatedAt;
        var change = new SegmentChange(profile.UserId, previousSegmentId, to, SegmentChangeReasons.Describe(profile, previousSegmentId), at);
        await publisher.PublishAsync(QueueNames.SegmentChanges, change, cancellationToken);
        metrics.RecordSegmentChange(previousSegmentId, to);
        if (previousSegmentId is not null && previousSegmentId != to)
        {
            await RemoveAsync(previousSegmentId, profile.UserId, cancellationToken);
        }

        await AddAsync(new SegmentMember(to, profile.UserId, at), cancellationToken);
        logger.LogInformation("Moved {UserId} from {FromSegment} to {ToSegment}: {Reason}", profile.UserId, previousSegmentId, to, change.Reason);

        // Another event may have moved the user on while we were writing; then the writer of that change adds the
        // newer membership, and ours must not linger.
        var current = await profiles.GetAsync(profile.UserId, cancellationToken);
        if (current?.Value.SegmentId != to && await RemoveAsync(to, profile.UserId, cancellationToken))
        {
            logger.LogInformation("Dropped superseded membership of {UserId} in {SegmentId}", profile.UserId, to);
        }
    }

    /// <summary>
    /// Makes the memberships match the profile when it is not known what an earlier, interrupted delivery did:
    /// removes the user from every other segment, adds them to theirs, and announces the change if anything moved.
    /// </summary>
    public async Task SynchronizeAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.SegmentId is not { } to)
        {
            return;
        }

        string? removedFrom = null;
        foreach (var segment in RfmSegments.All)
        {
            if (segment.Id != to && await RemoveAsync(segment.Id, profile.UserId, cancellationToken))
            {
                removedFrom = segment.Id;
            }
        }

        var at = profile.SegmentSince ?? profile.UpdatedAt;
        var added = await AddAsync(new SegmentMember(to, profile.UserId, at), cancellationToken);
        if (removedFrom is not null || added)
        {
            var from = profile.PreviousSegmentId ?? removedFrom;
            var change = new SegmentChange(profile.UserId, from, to, SegmentChangeReasons.Describe(profile, from), at);
            await publisher.PublishAsync(QueueNames.SegmentChanges, change, cancellationToken);
            metrics.RecordSegmentChange(from, to);
            logger.LogInformation("Repaired membership of {UserId}: {FromSegment} to {ToSegment}", profile.UserId, from, to);
        }
    }

    /// <summary>Adds the membership and counts it; false when it was already there.</summary>
    public async Task<bool> AddAsync(SegmentMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!await segments.AddMemberAsync(member, cancellationToken))
        {
            return false;
        }

        await segments.AdjustSizeAsync(member.SegmentId, 1, cancellationToken);
        return true;
    }

    /// <summary>Removes the membership and uncounts it; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string segmentId, string userId, CancellationToken cancellationToken)
    {
        if (!await segments.RemoveMemberAsync(segmentId, userId, cancellationToken))
        {
            return false;
        }

        await segments.AdjustSizeAsync(segmentId, -1, cancellationToken);
        return true;
    }
}
