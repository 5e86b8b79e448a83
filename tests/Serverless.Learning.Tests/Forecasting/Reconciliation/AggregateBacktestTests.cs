using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Reconciliation;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Reconciliation;

public sealed class AggregateBacktestTests
{
    private static readonly AutomaticForecastTrainer Trainer = new(new AutomaticForecastTrainer.Options
    {
        SeasonalPeriod = 7,
        Horizon = 7,
        BacktestOrigins = 4,
        Candidates = [ForecastMethod.HistoricalMean, ForecastMethod.TeunterSyntetosBabai],
    });

    [Fact]
    public void Members_of_different_lengths_are_aligned_on_their_last_periods_and_summed()
    {
        var random = new Random(11);
        var longer = Trainer.Fit(Enumerable.Range(0, 70).Select(_ => (double)random.Next(0, 9)).ToArray());
        var shorter = Trainer.Fit(Enumerable.Range(0, 49).Select(_ => (double)random.Next(0, 5)).ToArray());

        var aggregate = AggregateBacktest.Of([longer, shorter]);

        Assert.NotNull(aggregate);
        Assert.Equal(7, aggregate.Horizon);
        Assert.Equal(4, aggregate.Origins);
        // Row r (latest origin first) sums each member's (r + 1)-th latest backtest row, step by step.
        for (var row = 0; row < aggregate.Origins; row++)
        {
            for (var h = 0; h < aggregate.Horizon; h++)
            {
                var index = row * aggregate.Horizon + h;
                var expected = RowAtDistance(longer, row + 1)[h].Actual + RowAtDistance(shorter, row + 1)[h].Actual;
                Assert.Equal(expected, aggregate.Actuals[index], 9);
            }
        }

        Assert.Equal(
            longer.Backtest!.Forecasts.Sum() + shorter.Backtest!.Forecasts.Sum(),
            aggregate.Forecasts.Sum(),
            9);
    }

    [Fact]
    public void No_member_with_a_backtest_gives_none()
    {
        // Two observations are too few for any backtest origin: the model falls back without one.
        var model = Trainer.Fit([1.0, 2.0]);

        Assert.Null(model.Backtest);
        Assert.Null(AggregateBacktest.Of([model]));
    }

    /// <summary>The member's backtest row whose origin is the given one of the last origins (1 = the latest).</summary>
    private static (double Actual, double Forecast)[] RowAtDistance(AutomaticForecastModel model, int fromLast)
    {
        var backtest = model.Backtest!;
        var k = backtest.Origins.Length - fromLast;
        return Enumerable.Range(0, backtest.Horizon)
            .Select(h => (backtest.Actuals[k * backtest.Horizon + h], backtest.Forecasts[k * backtest.Horizon + h]))
            .ToArray();
    }
}
