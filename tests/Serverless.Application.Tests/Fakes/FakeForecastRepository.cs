using System.Collections.Concurrent;
using System.Text.Json;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Fakes;

/// <summary>Forecast documents by series key and granularity, stored as their JSON (so what is read back went through the wire shape).</summary>
public sealed class FakeForecastRepository : IForecastRepository
{
    public ConcurrentDictionary<(ForecastSeriesKind Kind, string Name, ForecastGranularity Granularity), string> Documents { get; } = new();

    public int Upserts;

    public Task<DemandForecast?> GetAsync(ForecastSeriesKind kind, string name, ForecastGranularity granularity, CancellationToken cancellationToken) =>
        Task.FromResult(Documents.TryGetValue((kind, name, granularity), out var json) ? JsonSerializer.Deserialize<DemandForecast>(json, DomainJson.Options) : null);

    public Task UpsertAsync(DemandForecast forecast, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Upserts);
        Documents[(forecast.Kind, forecast.Name, forecast.Granularity)] = JsonSerializer.Serialize(forecast, DomainJson.Options);
        return Task.CompletedTask;
    }
}
