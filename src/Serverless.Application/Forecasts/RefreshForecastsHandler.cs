using Microsoft.Extensions.Logging;
using Serverless.Application.Hosting;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Ports;

namespace Serverless.Application.Forecasts;

/// <summary>
/// The nightly forecast refresh (timer <c>ForecastRefreshSchedule</c>): reads the demand history afresh and fans out
/// one <see cref="ForecastRequestMessage"/> per category and granularity, and one for the shop's total per granularity
/// when anything sold, on the <c>forecast-requests</c> queue, so the refits scale out over as many instances as the
/// queue trigger gets. A failure throws (the host records it); messages already sent are harmless, since each worker
/// only overwrites its series' documents.
/// </summary>
public sealed class RefreshForecastsHandler(
    DemandHistoryLoader loader,
    IMessagePublisher publisher,
    ConfiguredQueueNames queues,
    TimeProvider timeProvider,
    ILogger<RefreshForecastsHandler> logger)
{
    private static readonly ForecastGranularity[] Granularities = [ForecastGranularity.Day, ForecastGranularity.Week];

    public async Task<ForecastRefreshReport> HandleAsync(CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var history = await loader.LoadAsync(cancellationToken);
        var queue = queues.For(FunctionNames.ProcessForecastRequest);
        var sent = 0;
        var series = history.Categories
            .Order(StringComparer.Ordinal)
            .Select(category => (Kind: ForecastSeriesKind.Category, Category: (string?)category))
            .Concat(history.Products.Count > 0 ? [(ForecastSeriesKind.Total, null)] : []);
        foreach (var (kind, category) in series)
        {
            foreach (var granularity in Granularities)
            {
                var message = new ForecastRequestMessage { Kind = kind, Category = category, Granularity = granularity, HistoryEnd = history.End, RequestedAt = startedAt };
                await publisher.PublishAsync(queue, message, cancellationToken);
                sent++;
            }
        }

        var report = new ForecastRefreshReport(history.End, history.HoursRead, history.HoursReused, history.PurchasesRead, history.Products.Count, history.Categories.Count, sent);
        logger.LogInformation(
            "Forecast refresh fanned out {Messages} messages to {Queue} for {Categories} categories, the total and {Products} products (history to {HistoryEnd})",
            sent, queue, report.Categories, report.Products, report.HistoryEnd);
        return report;
    }
}
