using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;

namespace Serverless.Application.Segments;

/// <summary>
/// The RFM timer job (<c>RfmRecomputeSchedule</c>, hourly by default): recomputes the quintile thresholds from every
/// purchasing profile, rescores every profile with them (moving memberships through the same path as events), then
/// reconciles membership documents and segment sizes with the profiles.
/// </summary>
/// <remarks>
/// Profiles are streamed once to collect ids and RFM values (memory is a few dozen bytes per profile), then rescored
/// by point reads with ETag retry. A profile is saved only when its lifecycle, RFM scores or segment changed, so
/// an hourly run does not rewrite every document. Reconciliation re-reads a profile before touching a membership
/// that disagrees with the snapshot, because events keep flowing while the job runs; sizes set here may miss a
/// change that lands during the run, and the next run corrects it.
/// </remarks>
public sealed class RecomputeRfmThresholdsHandler(
    IProfileRepository profiles,
    ISegmentRepository segments,
    RfmThresholdsProvider thresholdsProvider,
    SegmentMembershipUpdater memberships,
    IOptions<ProfileOptions> profileOptions,
    TimeProvider timeProvider,
    ILogger<RecomputeRfmThresholdsHandler> logger)
{
    private const int Parallelism = 4;
    private const int ReconcilePageSize = 1000;

    private readonly ProfileOptions _profileOptions = profileOptions.Value;

    public async Task<RfmRecomputeReport> HandleAsync(CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();

        var userIds = new HashSet<string>(StringComparer.Ordinal);
        var recency = new List<double>();
        var frequency = new List<double>();
        var monetary = new List<double>();
        await foreach (var profile in profiles.ReadAllAsync(cancellationToken))
        {
            if (!userIds.Add(profile.UserId))
            {
                continue;
            }

            if (RfmThresholdCalculator.Observe(profile, startedAt) is { } observation)
            {
                recency.Add(observation.RecencyDays);
                frequency.Add(observation.Frequency);
                monetary.Add(observation.Monetary);
            }
        }

        var thresholds = RfmThresholdCalculator.FromValues(recency, frequency, monetary, startedAt);
        await segments.SaveThresholdsAsync(thresholds, cancellationToken);
        thresholdsProvider.Set(thresholds);
        logger.LogInformation(
            "RFM thresholds from {Purchasers} purchasers of {Profiles} profiles: recency {Recency}, frequency {Frequency}, monetary {Monetary}",
            recency.Count,
            userIds.Count,
            thresholds.RecencyDays,
            thresholds.Frequency,
            thresholds.Monetary);

        var segmentOf = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var rescored = 0;
        var segmentChanges = 0;
        await Parallel.ForEachAsync(
            userIds,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (userId, ct) =>
            {
                var result = await RescoreAsync(userId, thresholds, startedAt, ct);
                if (result is null)
                {
                    return;
                }

                segmentOf[userId] = result.SegmentId;
                if (result.Saved)
                {
                    Interlocked.Increment(ref rescored);
                }

                if (result.SegmentChanged)
                {
                    Interlocked.Increment(ref segmentChanges);
                }
            });

        var (added, removed, sizes) = await ReconcileAsync(segmentOf, startedAt, cancellationToken);
        var report = new RfmRecomputeReport(
            thresholds,
            userIds.Count,
            recency.Count,
            rescored,
            segmentChanges,
            added,
            removed,
            sizes,
            startedAt,
            timeProvider.GetElapsedTime(started));
        logger.LogInformation(
            "RFM recompute rescored {Rescored} of {Profiles} profiles, {SegmentChanges} segment changes, memberships +{Added} -{Removed} in {Duration}",
            rescored,
            report.Profiles,
            segmentChanges,
            added,
            removed,
            report.Duration);
        return report;
    }

    private async Task<RescoreResult?> RescoreAsync(string userId, RfmThresholds thresholds, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var stored = await profiles.GetAsync(userId, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            var profile = stored.Value;
            var before = (profile.Lifecycle, profile.Rfm?.R, profile.Rfm?.F, profile.Rfm?.M, profile.SegmentId);
            var outcome = ProfileScorer.Score(profile, thresholds, _profileOptions, asOf);
            if (before == (profile.Lifecycle, profile.Rfm?.R, profile.Rfm?.F, profile.Rfm?.M, profile.SegmentId))
            {
                return new RescoreResult(outcome.SegmentId, Saved: false, SegmentChanged: false);
            }

            profile.UpdatedAt = timeProvider.GetUtcNow();
            if (await profiles.TrySaveAsync(profile, stored.ETag, cancellationToken) is not null)
            {
                if (outcome.SegmentChanged)
                {
                    await memberships.ApplyChangeAsync(profile, outcome.PreviousSegmentId, cancellationToken);
                }

                return new RescoreResult(outcome.SegmentId, Saved: true, outcome.SegmentChanged);
            }

            await OptimisticConcurrency.BackoffAsync(attempt, cancellationToken);
        }

        throw new ConcurrencyConflictException($"Profile {userId} kept changing for {OptimisticConcurrency.MaxAttempts} attempts.");
    }

    private async Task<(int Added, int Removed, IReadOnlyDictionary<string, long> Sizes)> ReconcileAsync(
        ConcurrentDictionary<string, string> segmentOf,
        DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        var added = 0;
        var removed = 0;
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var segment in RfmSegments.All)
        {
            var expected = segmentOf.Where(p => p.Value == segment.Id).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var members = await ListAllMembersAsync(segment.Id, cancellationToken);

            foreach (var userId in members.Where(m => !expected.Contains(m)).ToList())
            {
                var current = await profiles.GetAsync(userId, cancellationToken);
                if (current?.Value.SegmentId == segment.Id)
                {
                    // Moved here by an event after the snapshot: the membership is right.
                    expected.Add(userId);
                }
                else if (await segments.RemoveMemberAsync(segment.Id, userId, cancellationToken))
                {
                    removed++;
                    logger.LogInformation("Reconciliation removed stale membership of {UserId} in {SegmentId}", userId, segment.Id);
                }
            }

            foreach (var userId in expected.Where(u => !members.Contains(u)).ToList())
            {
                var current = await profiles.GetAsync(userId, cancellationToken);
                if (current is null || current.Value.SegmentId != segment.Id)
                {
                    // Moved away (or erased) after the snapshot: whoever moved it owns the membership.
                    expected.Remove(userId);
                }
                else if (await segments.AddMemberAsync(new SegmentMember(segment.Id, userId, current.Value.SegmentSince ?? asOf), cancellationToken))
                {
                    added++;
                    logger.LogInformation("Reconciliation added missing membership of {UserId} in {SegmentId}", userId, segment.Id);
                }
            }

            sizes[segment.Id] = expected.Count;
            await segments.SetSizeAsync(segment.Id, expected.Count, cancellationToken);
        }

        return (added, removed, sizes);
    }

    private async Task<HashSet<string>> ListAllMembersAsync(string segmentId, CancellationToken cancellationToken)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        string? continuationToken = null;
        do
        {
            var page = await segments.ListMembersAsync(segmentId, ReconcilePageSize, continuationToken, cancellationToken);
            foreach (var member in page.Items)
            {
                members.Add(member.UserId);
            }

            continuationToken = page.ContinuationToken;
        }
        while (continuationToken is not null);

        return members;
    }

    private sealed record RescoreResult(string SegmentId, bool Saved, bool SegmentChanged);
}
