namespace Serverless.Learning.Forecasting.Inventory;

/// <summary>
/// Stock levels that meet a cycle service level (the probability of not running out before a replenishment arrives):
/// the reorder point for continuous review (order when the inventory position falls to it) and the order-up-to level
/// for periodic review (every review, order up to it). Units of the series; whole units for count data.
/// </summary>
/// <param name="LeadTimePeriods">Periods between placing an order and receiving it.</param>
/// <param name="ReviewPeriods">Periods between two reviews (0 for continuous review).</param>
/// <param name="ServiceLevel">Probability that demand over the protection interval does not exceed the level.</param>
/// <param name="LeadTimeDemand">Expected demand over the lead time.</param>
/// <param name="ReorderPoint">The service-level quantile of demand over the lead time.</param>
/// <param name="SafetyStock">Reorder point minus expected lead-time demand.</param>
/// <param name="ProtectionDemand">Expected demand over lead time plus review period.</param>
/// <param name="OrderUpToLevel">The service-level quantile of demand over lead time plus review period.</param>
public sealed record InventoryTargets(
    int LeadTimePeriods,
    int ReviewPeriods,
    double ServiceLevel,
    double LeadTimeDemand,
    double ReorderPoint,
    double SafetyStock,
    double ProtectionDemand,
    double OrderUpToLevel)
{
    /// <summary>What to order at a review given the inventory position (on hand + on order - backorders): up to the level, never negative.</summary>
    public double OrderQuantity(double inventoryPosition) => Math.Max(OrderUpToLevel - inventoryPosition, 0);
}
