using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Recommendations;

namespace Serverless.Application.Forecasts;

/// <summary>
/// The demand history in memory, read again from the archive every <see cref="ForecastOptions.HistoryRefreshSeconds"/>:
/// on-demand forecasts and the refresh workers of one instance share one read.
/// </summary>
public sealed class DemandHistoryProvider
{
    private readonly PeriodicRefresh<DemandHistory> _history;

    public DemandHistoryProvider(DemandHistoryLoader loader, IOptions<ForecastOptions> options, TimeProvider timeProvider, ILogger<DemandHistoryProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(loader);
        _history = new PeriodicRefresh<DemandHistory>(
            (_, cancellationToken) => loader.LoadAsync(cancellationToken),
            options.Value.HistoryRefreshInterval,
            timeProvider,
            logger,
            "demand history");
    }

    public ValueTask<DemandHistory> GetAsync(CancellationToken cancellationToken) => _history.GetAsync(cancellationToken);
}
