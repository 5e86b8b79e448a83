using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Recommendations;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Ports;

namespace Serverless.Application.Forecasts;

/// <summary>
/// Serves a forecast: the precomputed document when it covers the request (granularity, horizon) and is recent enough,
/// else one computed on demand from the demand history with a cached model. Null for a series neither the catalog
/// nor the history knows.
/// </summary>
public sealed class ForecastService(
    IForecastRepository repository,
    DemandHistoryProvider histories,
    CatalogViewProvider catalogs,
    SeriesForecaster forecaster,
    ForecastModelCache cache,
    IOptions<ForecastOptions> options,
    TimeProvider timeProvider,
    ILogger<ForecastService> logger)
{
    private readonly ForecastOptions _options = options.Value;

    public async Task<ForecastResponse?> ProductAsync(string productId, ForecastRequest request, CancellationToken cancellationToken)
    {
        var stored = await Precomputed(ForecastSeriesKind.Product, productId, request, cancellationToken);
        if (stored is not null)
        {
            return ForecastResponse.From(stored, request.Horizon, ForecastSource.Precomputed);
        }

        var fitted = await FitProductAsync(productId, request.Granularity, cancellationToken);
        return fitted is null ? null : ForecastResponse.From(forecaster.Forecast(fitted, request.Horizon, timeProvider.GetUtcNow()), request.Horizon, ForecastSource.OnDemand);
    }

    public async Task<ForecastResponse?> CategoryAsync(string category, ForecastRequest request, CancellationToken cancellationToken)
    {
        var stored = await Precomputed(ForecastSeriesKind.Category, category, request, cancellationToken);
        if (stored is not null)
        {
            return ForecastResponse.From(stored, request.Horizon, ForecastSource.Precomputed);
        }

        var history = await histories.GetAsync(cancellationToken);
        if (!history.HasCategory(category))
        {
            return null;
        }

        var granularity = SeriesForecaster.ToSeries(request.Granularity);
        var fitted = await cache.GetOrAddAsync($"category|{category}|{granularity}|{history.End:yyyyMMdd}", () => forecaster.FitCategory(history, category, granularity));
        if (fitted is null)
        {
            return null;
        }

        var forecast = forecaster.Forecast(fitted, request.Horizon, timeProvider.GetUtcNow())[0];
        return ForecastResponse.From(forecast, request.Horizon, ForecastSource.OnDemand);
    }

    /// <summary>The product's fitted model (cached); null when neither the catalog nor the history knows the product.</summary>
    public async Task<FittedSeries?> FitProductAsync(string productId, ForecastGranularity granularity, CancellationToken cancellationToken)
    {
        var history = await histories.GetAsync(cancellationToken);
        if (!history.HasProduct(productId))
        {
            var catalog = await catalogs.GetAsync(cancellationToken);
            if (catalog.Find(productId) is null)
            {
                return null;
            }
        }

        var series = SeriesForecaster.ToSeries(granularity);
        return await cache.GetOrAddAsync($"product|{productId}|{series}|{history.End:yyyyMMdd}", () => forecaster.FitProduct(history, productId, series));
    }

    private async Task<DemandForecast?> Precomputed(ForecastSeriesKind kind, string name, ForecastRequest request, CancellationToken cancellationToken)
    {
        var stored = await repository.GetAsync(kind, name, request.Granularity, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        if (stored.Horizon < request.Horizon || timeProvider.GetUtcNow() - stored.GeneratedAt > _options.PrecomputedMaxAge)
        {
            logger.LogDebug(
                "Stored {Kind} forecast of {Name} ({Horizon} periods, generated {GeneratedAt}) does not cover the request; computing on demand",
                kind, name, stored.Horizon, stored.GeneratedAt);
            return null;
        }

        return stored;
    }
}
