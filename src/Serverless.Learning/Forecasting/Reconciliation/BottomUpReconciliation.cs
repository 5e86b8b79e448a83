using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting.Reconciliation;

/// <summary>
/// Bottom-up reconciliation (Hyndman and Athanasopoulos, "Forecasting: Principles and Practice", sec. 11.2): a group's
/// point forecast is the sum of its members' point forecasts, and the total the sum of all, so that every level adds up
/// exactly. A group's intervals come from the errors of the same sum in the members' rolling-origin backtests (origins
/// aligned by their distance from the common last period), which keeps the correlation between members that summing
/// quantiles or variances would get wrong. A member without a backtest origin (too short) adds no error there.
/// </summary>
public static class BottomUpReconciliation
{
    /// <param name="members">Fitted models per bottom-level series id; all histories must end at the same period.</param>
    /// <param name="groupOf">The group (category) of each member; a member missing from it is only in the total.</param>
    /// <param name="horizon">Periods to forecast.</param>
    public static ReconciledForecasts Reconcile(
        IReadOnlyDictionary<string, AutomaticForecastModel> members, IReadOnlyDictionary<string, string> groupOf, int horizon)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(groupOf);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        if (members.Count == 0)
        {
            throw new ArgumentException("At least one member is required.", nameof(members));
        }

        var bottom = members.ToImmutableSortedDictionary(
            pair => pair.Key, pair => pair.Value.Predict(horizon), StringComparer.Ordinal);
        var groups = members.Keys
            .Where(groupOf.ContainsKey)
            .GroupBy(id => groupOf[id], StringComparer.Ordinal)
            .ToImmutableSortedDictionary(
                group => group.Key,
                group => Sum(group.Select(id => (members[id], bottom[id])).ToList(), horizon),
                StringComparer.Ordinal);
        var total = Sum(members.Keys.Select(id => (members[id], bottom[id])).ToList(), horizon);
        return new ReconciledForecasts(bottom, groups, total);
    }

    private static SeriesForecast Sum(IReadOnlyList<(AutomaticForecastModel Model, SeriesForecast Forecast)> parts, int horizon)
    {
        var mean = new double[horizon];
        foreach (var (_, forecast) in parts)
        {
            for (var h = 0; h < horizon; h++)
            {
                mean[h] += forecast.Mean[h];
            }
        }

        var nonNegative = parts.All(part => part.Model.NonNegative);
        var integerValued = parts.All(part => part.Model.IntegerValued);
        var errors = AggregateErrors(parts.Select(part => part.Model).ToList());
        ForecastDistribution distribution;
        if (errors is not null)
        {
            var scale = new double[horizon];
            var cumulative = new double[horizon];
            double running = 0;
            for (var h = 1; h <= horizon; h++)
            {
                running += mean[h - 1];
                scale[h - 1] = errors.StepScale(h, mean[h - 1]);
                cumulative[h - 1] = errors.CumulativeScale(h, running / h);
            }

            distribution = new ForecastDistribution(
                ImmutableArray.Create(mean), ImmutableArray.Create(scale), ImmutableArray.Create(cumulative),
                errors.StepErrors, errors.CumulativeErrors, IntervalSource.Backtest, nonNegative, integerValued);
        }
        else
        {
            // No member could be backtested: independent Gaussian errors with each member's own scale.
            var scale = new double[horizon];
            var cumulative = new double[horizon];
            foreach (var (_, forecast) in parts)
            {
                for (var h = 0; h < horizon; h++)
                {
                    scale[h] += Math.Pow(forecast.Distribution.Scale[h], 2);
                    cumulative[h] += Math.Pow(forecast.Distribution.CumulativeScale[h], 2);
                }
            }

            distribution = new ForecastDistribution(
                ImmutableArray.Create(mean), scale.Select(Math.Sqrt).ToImmutableArray(), cumulative.Select(Math.Sqrt).ToImmutableArray(),
                StandardizedErrors.Normal, StandardizedErrors.Normal, IntervalSource.Analytic, nonNegative, integerValued);
        }

        return new SeriesForecast(ForecastMethod.BottomUp, distribution);
    }

    /// <summary>The backtest errors of the summed forecasts, per origin (by distance from the end) and step.</summary>
    private static EmpiricalErrors? AggregateErrors(IReadOnlyList<AutomaticForecastModel> models) =>
        AggregateBacktest.Of(models) is { } aggregate
            ? EmpiricalErrors.FromBacktest(aggregate.Actuals, aggregate.Forecasts, aggregate.Horizon)
            : null;
}
