using Serverless.Domain.Forecasts;

namespace Serverless.Domain.Ports;

/// <summary>Precomputed demand forecasts (container <c>forecasts</c>, partition key /productId), one document per series and granularity.</summary>
public interface IForecastRepository
{
    /// <summary>The stored forecast, or null when none was computed.</summary>
    Task<DemandForecast?> GetAsync(ForecastSeriesKind kind, string name, ForecastGranularity granularity, CancellationToken cancellationToken);

    /// <summary>Creates or overwrites the document of the forecast's series and granularity (idempotent).</summary>
    Task UpsertAsync(DemandForecast forecast, CancellationToken cancellationToken);
}
