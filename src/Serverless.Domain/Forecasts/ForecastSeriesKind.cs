namespace Serverless.Domain.Forecasts;

/// <summary>What a demand series counts: the units of one product, or of every product of a category (bottom-up).</summary>
public enum ForecastSeriesKind
{
    Product = 1,
    Category = 2,
}
