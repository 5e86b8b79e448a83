using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Automatic;

namespace Serverless.Learning.Forecasting.Reconciliation;

/// <summary>
/// The backtest of a sum of series: each member's backtest rows aligned by their origin's distance from the member's
/// last period (members of different lengths end together), summed per row and step over the shortest member horizon.
/// Rows are ordered by that distance, the latest origin first; <see cref="Actuals"/> and <see cref="Forecasts"/> are row-major.
/// </summary>
public sealed record AggregateBacktest(int Horizon, int Origins, ImmutableArray<double> Actuals, ImmutableArray<double> Forecasts)
{
    /// <summary>The aggregate of the members that have a backtest; null when none has.</summary>
    public static AggregateBacktest? Of(IEnumerable<AutomaticForecastModel> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var backtested = members.Where(model => model.Backtest is not null).ToList();
        if (backtested.Count == 0)
        {
            return null;
        }

        var horizon = backtested.Min(model => model.Backtest!.Horizon);
        var rows = new SortedDictionary<int, (double[] Actuals, double[] Forecasts)>();
        foreach (var model in backtested)
        {
            var backtest = model.Backtest!;
            for (var k = 0; k < backtest.Origins.Length; k++)
            {
                var distance = model.TrainingLength - backtest.Origins[k];
                if (!rows.TryGetValue(distance, out var row))
                {
                    row = (new double[horizon], new double[horizon]);
                    rows[distance] = row;
                }

                for (var h = 0; h < horizon; h++)
                {
                    var index = k * backtest.Horizon + h;
                    row.Actuals[h] += backtest.Actuals[index];
                    row.Forecasts[h] += backtest.Forecasts[index];
                }
            }
        }

        return new AggregateBacktest(
            horizon,
            rows.Count,
            rows.Values.SelectMany(row => row.Actuals).ToImmutableArray(),
            rows.Values.SelectMany(row => row.Forecasts).ToImmutableArray());
    }
}
