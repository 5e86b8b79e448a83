using System.Collections.Concurrent;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;

namespace Serverless.Application.Training;

/// <summary>
/// Brings the snapshot up to date with the event archive. The archive index lists the hours of the training window
/// (listings only); an hour is read again only when it is new or its blobs were written after the snapshot last read
/// it (late events), and it then replaces that hour whole, so nothing is counted twice. Hours that fell out of the
/// window, or vanished from the archive, are dropped.
/// </summary>
public sealed class InteractionSnapshotMerger(IEventArchiveIndex index, IEventArchive archive)
{
    private const int ReadParallelism = 8;

    public async Task<SnapshotMergeResult> MergeAsync(
        InteractionSnapshot snapshot, DateTimeOffset windowStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        // One hour past now: producers' clocks run a little ahead, and their events are archived under that hour.
        var listed = await index.ListHoursAsync(windowStart, now.AddHours(1), cancellationToken);
        var hours = new Dictionary<DateTimeOffset, SnapshotHour>();
        var stale = new List<ArchivedHour>();
        foreach (var archived in listed)
        {
            if (snapshot.Hours.TryGetValue(archived.Hour, out var known) && known.SourceLastModified >= archived.LastModified)
            {
                hours[archived.Hour] = known;
            }
            else
            {
                stale.Add(archived);
            }
        }

        // Hours are independent blobs: read several at once (a first run reads the whole window).
        var read = new ConcurrentDictionary<DateTimeOffset, (SnapshotHour Hour, int Events)>();
        await Parallel.ForEachAsync(
            stale,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (archived, token) =>
            {
                var hourEvents = await archive.ReadAsync(archived.Hour, archived.Hour.AddHours(1), token).ToListAsync(token);

                // Kept even when empty (only searches, say), so the hour is not read again next time.
                read[archived.Hour] = (new SnapshotHour(archived.Hour, archived.LastModified, SnapshotCompaction.Compact(hourEvents)), hourEvents.Count);
            });
        foreach (var (hour, (snapshotHour, _)) in read)
        {
            hours[hour] = snapshotHour;
        }

        var events = read.Values.Sum(r => (long)r.Events);
        var dropped = snapshot.Hours.Keys.Count(hour => !hours.ContainsKey(hour));
        return new SnapshotMergeResult(new InteractionSnapshot { MergedAt = now, Hours = hours }, stale.Count, listed.Count - stale.Count, dropped, events);
    }
}
