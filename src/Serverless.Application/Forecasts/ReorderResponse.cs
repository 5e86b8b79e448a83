using Serverless.Domain.Forecasts;

namespace Serverless.Application.Forecasts;

/// <summary>
/// GET /api/forecasts/products/{productId}/reorder: the reorder point (the service-level quantile of demand over the
/// lead time), the order-up-to level (over lead time plus review period), safety stock, and the quantity to order when
/// the inventory position falls to the reorder point (order-up-to level minus reorder point), in units.
/// </summary>
public sealed record ReorderResponse
{
    public required string ProductId { get; init; }

    public required int LeadTimeDays { get; init; }

    public required int ReviewPeriodDays { get; init; }

    public required double ServiceLevel { get; init; }

    public required double LeadTimeDemand { get; init; }

    public required double SafetyStock { get; init; }

    public required double ReorderPoint { get; init; }

    public required double OrderUpToLevel { get; init; }

    public required double ReorderQuantity { get; init; }

    public required string Model { get; init; }

    public required ForecastAccuracyRecord Backtest { get; init; }

    public required ForecastDataWindow DataWindow { get; init; }
}
