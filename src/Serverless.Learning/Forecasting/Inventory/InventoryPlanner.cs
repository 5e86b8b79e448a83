using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting.Inventory;

/// <summary>
/// Reorder point and order-up-to level from a forecast distribution (Silver, Pyke and Thomas, "Inventory and Production
/// Management in Supply Chains", ch. 6-7): the service-level quantile of the cumulative demand over the lead time L,
/// and over L plus the review period R. The cumulative distribution is the forecast's own (analytic, or calibrated on
/// backtest errors of the summed demand), so errors that persist from period to period widen it as they should. For
/// count data the quantile is the smallest whole number k with P(demand &lt;= k) &gt;= service level, using the
/// continuity correction P(demand &lt;= k) = G(k + 1/2).
/// </summary>
public static class InventoryPlanner
{
    /// <param name="forecast">The demand forecast; its horizon must cover <paramref name="leadTimePeriods"/> + <paramref name="reviewPeriods"/>.</param>
    /// <param name="leadTimePeriods">Lead time in periods of the forecast (at least 1).</param>
    /// <param name="reviewPeriods">Review period in periods (0: continuous review).</param>
    /// <param name="serviceLevel">Cycle service level, strictly between 0 and 1 (e.g. 0.95).</param>
    public static InventoryTargets Plan(ForecastDistribution forecast, int leadTimePeriods, int reviewPeriods, double serviceLevel)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentOutOfRangeException.ThrowIfLessThan(leadTimePeriods, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(reviewPeriods);
        if (!(serviceLevel is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(serviceLevel), serviceLevel, "The service level must be strictly between 0 and 1.");
        }

        var protection = leadTimePeriods + reviewPeriods;
        if (protection > forecast.Horizon)
        {
            throw new ArgumentOutOfRangeException(
                nameof(reviewPeriods), protection, $"Lead time plus review period ({protection}) exceeds the forecast horizon ({forecast.Horizon}).");
        }

        var leadTimeDemand = Sum(forecast, leadTimePeriods);
        var protectionDemand = Sum(forecast, protection);
        var reorderPoint = Level(forecast, leadTimePeriods, serviceLevel);
        var orderUpTo = Level(forecast, protection, serviceLevel);
        return new InventoryTargets(
            leadTimePeriods, reviewPeriods, serviceLevel, leadTimeDemand, reorderPoint, reorderPoint - leadTimeDemand, protectionDemand, orderUpTo);
    }

    private static double Sum(ForecastDistribution forecast, int periods)
    {
        double sum = 0;
        for (var h = 0; h < periods; h++)
        {
            sum += forecast.Mean[h];
        }

        return sum;
    }

    private static double Level(ForecastDistribution forecast, int periods, double serviceLevel)
    {
        var quantile = forecast.CumulativeQuantile(periods, serviceLevel);
        return forecast.IntegerValued ? Math.Max(Math.Ceiling(quantile - 0.5), 0) : quantile;
    }
}
