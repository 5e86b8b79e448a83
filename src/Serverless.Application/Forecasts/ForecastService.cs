using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Recommendations;
using Serverless.Application.Telemetry;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Ports;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Application.Forecasts;

/// <summary>
/// Serves a forecast: the precomputed document when it covers the request (granularity, horizon) and is recent enough,
/// else one computed on demand from the demand history with a cached model. Null for a series neither the catalog
/// nor the history knows. Every answer is counted by series kind and source (<see cref="ApplicationMetrics"/>).
/// </summary>
public sealed class ForecastService(
    IForecastRepository repository,
    DemandHistoryProvider histories,
    CatalogViewProvider catalogs,
    SeriesForecaster forecaster,
    ForecastModelCache cache,
    IOptions<ForecastOptions> options,
    TimeProvider timeProvider,
    ApplicationMetrics metrics,
    ILogger<ForecastService> logger)
{
    private readonly ForecastOptions _options = options.Value;

    public async Task<ForecastResponse?> ProductAsync(string productId, ForecastRequest request, CancellationToken cancellationToken)
    {
        var stored = await Precomputed(ForecastSeriesKind.Product, productId, request, cancellationToken);
        if (stored is not null)
        {
            return Served(stored, request, ForecastSource.Precomputed);
        }

        var fitted = await FitProductAsync(productId, request.Granularity, cancellationToken);
        return fitted is null ? null : Served(forecaster.Forecast(fitted, request.Horizon, timeProvider.GetUtcNow()), request, ForecastSource.OnDemand);
    }

    /// <summary>The category's forecast; null when none of its products sold in the window.</summary>
    public Task<ForecastResponse?> CategoryAsync(string category, ForecastRequest request, CancellationToken cancellationToken) =>
        AggregateAsync(
            ForecastSeriesKind.Category,
            category,
            request,
            history => history.HasCategory(category),
            (history, granularity) => FitCategoryAsync(history, category, granularity),
            cancellationToken);

    /// <summary>The shop's total forecast; null when nothing sold in the window.</summary>
    public Task<ForecastResponse?> TotalAsync(ForecastRequest request, CancellationToken cancellationToken) =>
        AggregateAsync(
            ForecastSeriesKind.Total,
            DemandForecast.TotalName,
            request,
            history => history.Products.Count > 0,
            FitTotalAsync,
            cancellationToken);

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

        return await CachedProductAsync(history, productId, SeriesForecaster.ToSeries(granularity));
    }

    /// <summary>
    /// The category's products fitted through the model cache, shared with product requests and the total: on one
    /// instance a product is fitted once per <see cref="ForecastOptions.ModelCacheSeconds"/> and history, however many
    /// series it belongs to. Null when none of them sold in the window.
    /// </summary>
    public Task<FittedAggregate?> FitCategoryAsync(DemandHistory history, string category, SeriesGranularity granularity) =>
        forecaster.FitCategoryAsync(history, category, granularity, productId => CachedProductAsync(history, productId, granularity));

    /// <summary>Every product that sold, through the model cache as <see cref="FitCategoryAsync"/>; null when nothing sold.</summary>
    public Task<FittedAggregate?> FitTotalAsync(DemandHistory history, SeriesGranularity granularity) =>
        forecaster.FitTotalAsync(history, granularity, productId => CachedProductAsync(history, productId, granularity));

    private Task<FittedSeries> CachedProductAsync(DemandHistory history, string productId, SeriesGranularity granularity) =>
        cache.GetOrAddAsync($"product|{productId}|{granularity}|{history.End:yyyyMMdd}", () => forecaster.FitProduct(history, productId, granularity));

    private async Task<ForecastResponse?> AggregateAsync(
        ForecastSeriesKind kind,
        string name,
        ForecastRequest request,
        Func<DemandHistory, bool> hasSales,
        Func<DemandHistory, SeriesGranularity, Task<FittedAggregate?>> fit,
        CancellationToken cancellationToken)
    {
        var stored = await Precomputed(kind, name, request, cancellationToken);
        if (stored is not null)
        {
            return Served(stored, request, ForecastSource.Precomputed);
        }

        var history = await histories.GetAsync(cancellationToken);
        if (!hasSales(history))
        {
            return null;
        }

        var granularity = SeriesForecaster.ToSeries(request.Granularity);
        var fitted = await cache.GetOrFitAsync($"{kind}|{name}|{granularity}|{history.End:yyyyMMdd}", () => fit(history, granularity));
        return fitted is null ? null : Served(forecaster.Forecast(fitted, request.Horizon, timeProvider.GetUtcNow()), request, ForecastSource.OnDemand);
    }

    private ForecastResponse Served(DemandForecast forecast, ForecastRequest request, ForecastSource source)
    {
        metrics.RecordForecastServed(forecast.Kind, source);
        return ForecastResponse.From(forecast, request.Horizon, source);
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
