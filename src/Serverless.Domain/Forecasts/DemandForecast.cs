namespace Serverless.Domain.Forecasts;

/// <summary>
/// A demand forecast of one series at one granularity (container <c>forecasts</c>, partition key /productId): the
/// product id, <c>category:{name}</c> for a category, or <c>total</c> for the whole shop, so that one partition holds
/// the day and week forecasts of a series.
/// </summary>
public sealed record DemandForecast
{
    public const string CategoryKeyPrefix = "category:";

    /// <summary>The name and the partition key of the shop-wide total series (its document id tells it from a product of that id).</summary>
    public const string TotalName = "total";

    /// <summary>The partition key: the product id, <see cref="CategoryKeyPrefix"/> and the category, or <see cref="TotalName"/>.</summary>
    public required string ProductId { get; init; }

    public required ForecastSeriesKind Kind { get; init; }

    /// <summary>The product id, the category name, or <see cref="TotalName"/>.</summary>
    public required string Name { get; init; }

    public required ForecastGranularity Granularity { get; init; }

    /// <summary>The method that made the forecast (e.g. exponential_smoothing, croston, combination, bottom_up).</summary>
    public required string Model { get; init; }

    /// <summary>The methods averaged when <see cref="Model"/> is a combination; the members' count for a category or the total.</summary>
    public IReadOnlyList<string>? Components { get; init; }

    public required ForecastAccuracyRecord Backtest { get; init; }

    public required ForecastDataWindow DataWindow { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>One point per period after the data window, oldest first.</summary>
    public required IReadOnlyList<ForecastPoint> Points { get; init; }

    public int Horizon => Points.Count;

    public static string KeyOf(ForecastSeriesKind kind, string name) => kind switch
    {
        ForecastSeriesKind.Category => CategoryKeyPrefix + name,
        ForecastSeriesKind.Total => TotalName,
        _ => name,
    };
}
