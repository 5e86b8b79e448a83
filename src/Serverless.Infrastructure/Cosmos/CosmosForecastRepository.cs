using Serverless.Domain.Forecasts;
using Serverless.Domain.Ports;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>
/// Forecasts in container <c>forecasts</c>: partition key = the series key (product id or <c>category:{name}</c>),
/// document id = <c>{kind}-{granularity}</c>, so a product and a category whose keys happen to be equal never share a
/// document, and a redelivered refresh overwrites the same document.
/// </summary>
internal sealed class CosmosForecastRepository(CosmosContainers containers) : IForecastRepository
{
    public async Task<DemandForecast?> GetAsync(ForecastSeriesKind kind, string name, ForecastGranularity granularity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var stored = await containers.Forecasts
            .ReadOrNullAsync<DemandForecast>(DocumentIdOf(kind, granularity), DemandForecast.KeyOf(kind, name), cancellationToken)
            .ConfigureAwait(false);
        return stored?.Value;
    }

    public Task UpsertAsync(DemandForecast forecast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (forecast.ProductId != DemandForecast.KeyOf(forecast.Kind, forecast.Name))
        {
            throw new ArgumentException($"The partition key '{forecast.ProductId}' does not match the {forecast.Kind} '{forecast.Name}'.", nameof(forecast));
        }

        var document = CosmosDocument.From(forecast, DocumentIdOf(forecast.Kind, forecast.Granularity));
        return containers.Forecasts.UpsertAsync(document, forecast.ProductId, cancellationToken);
    }

    internal static string DocumentIdOf(ForecastSeriesKind kind, ForecastGranularity granularity) =>
        $"{kind.ToString().ToLowerInvariant()}-{granularity.ToString().ToLowerInvariant()}";
}
