using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Recommendations;
using Serverless.Domain.Events;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Application.Forecasts;

/// <summary>
/// Builds the <see cref="DemandHistory"/> of the last <see cref="ForecastOptions.HistoryDays"/> complete UTC days from
/// the event archive through the demand snapshot in Blob (<see cref="IDemandSnapshotStore"/>): the archive index lists
/// the window's hours (listings only); an hour is read again only when it is new or its blobs were written after the
/// snapshot read it, and then replaces that hour whole (each event id once), so late events are counted exactly once.
/// Every purchase line adds its quantity to its product on the event's UTC date. A product's category is the
/// catalog's, else the latest one its lines carried, else <see cref="ForecastOptions.UncategorizedName"/>. Refunds do
/// not reduce demand (a return is not negative demand). The merged snapshot is saved under its ETag; when another
/// instance saved first, this load's result is still used and the next load merges again.
/// </summary>
public sealed class DemandHistoryLoader(
    IEventArchive archive,
    IEventArchiveIndex index,
    IDemandSnapshotStore snapshots,
    CatalogViewProvider catalogs,
    IOptions<ForecastOptions> options,
    TimeProvider timeProvider,
    ILogger<DemandHistoryLoader> logger)
{
    private const int ReadParallelism = 8;
    private readonly ForecastOptions _options = options.Value;

    public async Task<DemandHistory> LoadAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var to = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var from = to.AddDays(-_options.HistoryDays);

        var stored = await snapshots.GetAsync(cancellationToken);
        var known = (stored?.Value.Hours ?? []).ToDictionary(hour => hour.Hour);
        var listed = await index.ListHoursAsync(from, to, cancellationToken);
        var hours = new SortedDictionary<DateTimeOffset, DemandSnapshotHour>();
        var stale = new List<ArchivedHour>();
        foreach (var archived in listed)
        {
            if (known.TryGetValue(archived.Hour, out var hour) && hour.SourceLastModified >= archived.LastModified)
            {
                hours[archived.Hour] = hour;
            }
            else
            {
                stale.Add(archived);
            }
        }

        var read = new ConcurrentDictionary<DateTimeOffset, DemandSnapshotHour>();
        await Parallel.ForEachAsync(
            stale,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (archived, token) =>
            {
                var events = await archive.ReadAsync(archived.Hour, archived.Hour.AddHours(1), token).ToListAsync(token);
                read[archived.Hour] = Compact(archived, events);
            });
        foreach (var (hour, value) in read)
        {
            hours[hour] = value;
        }

        var dropped = known.Keys.Count(hour => !hours.ContainsKey(hour));
        if (stale.Count > 0 || dropped > 0 || stored is null)
        {
            var saved = await snapshots.TrySaveAsync(new DemandSnapshot { MergedAt = now, Hours = hours.Values.ToList() }, stored?.ETag, cancellationToken);
            if (saved is null)
            {
                logger.LogInformation("The demand snapshot changed while merging; another instance saved it first");
            }
        }

        var history = await BuildAsync(hours.Values, today.AddDays(-1), read.Values.Sum(h => (long)h.Purchases), stale.Count, listed.Count - stale.Count, cancellationToken);
        logger.LogInformation(
            "Demand history from {From} to {To}: {HoursRead} archive hours read ({Purchases} purchases), {HoursReused} reused from the snapshot, {Products} products, {Categories} categories",
            from, to, stale.Count, history.PurchasesRead, history.HoursReused, history.Products.Count, history.Categories.Count);
        return history;
    }

    private async Task<DemandHistory> BuildAsync(
        IEnumerable<DemandSnapshotHour> hours, DateOnly end, long purchasesRead, int hoursRead, int hoursReused, CancellationToken cancellationToken)
    {
        var observations = new List<DemandObservation>();
        var lineCategories = new Dictionary<string, (DateTimeOffset At, string Category)>(StringComparer.Ordinal);
        foreach (var hour in hours)
        {
            var date = DateOnly.FromDateTime(hour.Hour.UtcDateTime);
            foreach (var line in hour.Lines)
            {
                observations.Add(new DemandObservation(line.ProductId, date, line.Units));
                if (line.Category is { Length: > 0 } category
                    && (!lineCategories.TryGetValue(line.ProductId, out var seen) || seen.At <= line.LastPurchaseAt))
                {
                    lineCategories[line.ProductId] = (line.LastPurchaseAt, category);
                }
            }
        }

        var catalog = await catalogs.GetAsync(cancellationToken);
        var categoryOf = observations
            .Select(o => o.SeriesId)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(
                id => id,
                id => catalog.Find(id)?.Category is { Length: > 0 } listed
                    ? listed
                    : lineCategories.TryGetValue(id, out var seen) ? seen.Category : _options.UncategorizedName,
                StringComparer.Ordinal);
        return new DemandHistory(observations, categoryOf, end, purchasesRead, hoursRead, hoursReused);
    }

    /// <summary>One hour's purchases as units per product, with the latest category each product's lines carried.</summary>
    private static DemandSnapshotHour Compact(ArchivedHour archived, IReadOnlyList<BehaviorEvent> events)
    {
        var purchases = 0;
        var lines = new Dictionary<string, DemandSnapshotLine>(StringComparer.Ordinal);
        foreach (var e in events.Where(e => e.Type == BehaviorEventType.Purchase && e.Lines is not null).DistinctBy(e => e.EventId))
        {
            purchases++;
            foreach (var line in e.Lines!.Where(line => line.Quantity > 0))
            {
                var category = line.Category ?? e.Category;
                if (!lines.TryGetValue(line.ProductId, out var current))
                {
                    lines[line.ProductId] = new DemandSnapshotLine(line.ProductId, line.Quantity, string.IsNullOrWhiteSpace(category) ? null : category, e.OccurredAt);
                    continue;
                }

                var newer = e.OccurredAt >= current.LastPurchaseAt;
                lines[line.ProductId] = current with
                {
                    Units = current.Units + line.Quantity,
                    Category = newer && !string.IsNullOrWhiteSpace(category) ? category : current.Category,
                    LastPurchaseAt = newer ? e.OccurredAt : current.LastPurchaseAt,
                };
            }
        }

        return new DemandSnapshotHour(archived.Hour, archived.LastModified, purchases, lines.Values.OrderBy(l => l.ProductId, StringComparer.Ordinal).ToList());
    }
}
