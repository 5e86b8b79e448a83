using Serverless.Domain.Forecasts;

namespace Serverless.Application.Forecasts;

/// <summary>
/// GET /api/forecasts/products/{productId}, /categories/{category} and /total: one point per period with the mean and
/// the 80%/95% prediction intervals, the model and its backtest error, the data window, and whether it was precomputed.
/// <see cref="ProductId"/> and <see cref="Category"/> name the series; the total has neither.
/// </summary>
public sealed record ForecastResponse
{
    public string? ProductId { get; init; }

    public string? Category { get; init; }

    public required ForecastGranularity Granularity { get; init; }

    public required int Horizon { get; init; }

    public required ForecastSource Source { get; init; }

    public required string Model { get; init; }

    public IReadOnlyList<string>? Components { get; init; }

    public required ForecastAccuracyRecord Backtest { get; init; }

    public required ForecastDataWindow DataWindow { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required IReadOnlyList<ForecastPoint> Points { get; init; }

    /// <summary>The first <paramref name="horizon"/> points of a forecast (stored ones may run further).</summary>
    public static ForecastResponse From(DemandForecast forecast, int horizon, ForecastSource source)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var points = forecast.Points.Take(horizon).ToList();
        return new ForecastResponse
        {
            ProductId = forecast.Kind == ForecastSeriesKind.Product ? forecast.Name : null,
            Category = forecast.Kind == ForecastSeriesKind.Category ? forecast.Name : null,
            Granularity = forecast.Granularity,
            Horizon = points.Count,
            Source = source,
            Model = forecast.Model,
            Components = forecast.Components,
            Backtest = forecast.Backtest,
            DataWindow = forecast.DataWindow,
            GeneratedAt = forecast.GeneratedAt,
            Points = points,
        };
    }
}
