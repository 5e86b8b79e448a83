namespace Serverless.Domain.Forecasts;

/// <summary>
/// A demand forecast of one series at one granularity (container <c>forecasts</c>, partition key /productId): the
/// product id, or <c>category:{name}</c> for a category, so that one partition holds the day and week forecasts of a series.
/// </summary>
public sealed record DemandForecast
{
    public const string CategoryKeyPrefix = "category:";

    /// <summary>The partition key: the product id, or <see cref="CategoryKeyPrefix"/> and the category.</summary>
    public required string ProductId { get; init; }

    public required ForecastSeriesKind Kind { get; init; }

    /// <summary>The product id or the category name.</summary>
    public required string Name { get; init; }

    public required ForecastGranularity Granularity { get; init; }

    /// <summary>The method that made the forecast (e.g. exponential_smoothing, croston, combination, bottom_up).</summary>
    public required string Model { get; init; }

    /// <summary>The methods averaged when <see cref="Model"/> is a combination; the members' count for a category.</summary>
    public IReadOnlyList<string>? Components { get; init; }

    public required ForecastAccuracyRecord Backtest { get; init; }

    public required ForecastDataWindow DataWindow { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>One point per period after the data window, oldest first.</summary>
    public required IReadOnlyList<ForecastPoint> Points { get; init; }

    public int Horizon => Points.Count;

    public static string KeyOf(ForecastSeriesKind kind, string name) =>
        kind == ForecastSeriesKind.Category ? CategoryKeyPrefix + name : name;
}
