namespace Serverless.Domain.Forecasts;

/// <summary>What a demand series counts: the units of one product, of every product of a category, or of every product of the shop (both bottom-up).</summary>
public enum ForecastSeriesKind
{
    Product = 1,
    Category = 2,
    Total = 3,
}
