using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Recommendations;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Application.Forecasts;

/// <summary>
/// Reads the purchases of the last <see cref="ForecastOptions.HistoryDays"/> complete days from the event archive
/// (each event id once) into a <see cref="DemandHistory"/>: every purchase line adds its quantity to its product on the
/// UTC date of the event. A product's category is the catalog's, else the latest one its lines carried, else
/// <see cref="ForecastOptions.UncategorizedName"/>. Refunds do not reduce demand (a return is not negative demand).
/// </summary>
public sealed class DemandHistoryLoader(
    IEventArchive archive,
    CatalogViewProvider catalogs,
    IOptions<ForecastOptions> options,
    TimeProvider timeProvider,
    ILogger<DemandHistoryLoader> logger)
{
    private readonly ForecastOptions _options = options.Value;

    public async Task<DemandHistory> LoadAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var to = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var from = to.AddDays(-_options.HistoryDays);
        var observations = new List<DemandObservation>();
        var lineCategories = new Dictionary<string, (DateTimeOffset At, string Category)>(StringComparer.Ordinal);
        long purchases = 0;
        await foreach (var e in archive.ReadAsync(from, to, cancellationToken))
        {
            if (e.Type != BehaviorEventType.Purchase || e.Lines is null)
            {
                continue;
            }

            purchases++;
            var date = DateOnly.FromDateTime(e.OccurredAt.UtcDateTime);
            foreach (var line in e.Lines.Where(line => line.Quantity > 0))
            {
                observations.Add(new DemandObservation(line.ProductId, date, line.Quantity));
                var category = line.Category ?? e.Category;
                if (!string.IsNullOrWhiteSpace(category)
                    && (!lineCategories.TryGetValue(line.ProductId, out var seen) || seen.At <= e.OccurredAt))
                {
                    lineCategories[line.ProductId] = (e.OccurredAt, category);
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
        var history = new DemandHistory(observations, categoryOf, today.AddDays(-1), purchases);
        logger.LogInformation(
            "Demand history read from {From} to {To}: {Purchases} purchases, {Products} products, {Categories} categories",
            from, to, purchases, history.Products.Count, history.Categories.Count);
        return history;
    }
}
