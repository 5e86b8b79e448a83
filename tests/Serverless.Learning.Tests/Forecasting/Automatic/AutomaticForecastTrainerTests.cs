using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Automatic;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Automatic;

public sealed class AutomaticForecastTrainerTests
{
    [Fact]
    public void A_weekly_pattern_is_forecast_by_a_seasonal_method_and_its_shape_continues()
    {
        var random = new Random(7);
        double[] pattern = [20, 22, 25, 24, 30, 12, 0];
        var history = Enumerable.Range(0, 140).Select(t => pattern[t % 7] + (t % 7 == 6 ? 0 : random.Next(-2, 3))).Select(v => (double)v).ToArray();

        var model = new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options { SeasonalPeriod = 7, Horizon = 14 }).Fit(history);
        var forecast = model.Predict(14);

        Assert.DoesNotContain(ForecastMethod.Naive, model.Selected);
        Assert.DoesNotContain(ForecastMethod.HistoricalMean, model.Selected);
        // Period 140 is a Monday-like position 0 of the pattern; the last position (closed day) stays near zero.
        Assert.InRange(forecast.Mean[0], 17, 23);
        Assert.InRange(forecast.Mean[6], 0, 3);
        Assert.True(model.BacktestScaledError < 1, $"backtest MASE {model.BacktestScaledError}");
    }

    [Fact]
    public void Intermittent_series_do_not_try_last_value_methods()
    {
        double[] history = [0, 0, 3, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0, 0, 3];

        var model = new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options { Horizon = 4 }).Fit(history);

        Assert.True(AutomaticForecastTrainer.IsIntermittent(history));
        Assert.DoesNotContain(model.Candidates, candidate => candidate.Method is ForecastMethod.Naive or ForecastMethod.SeasonalNaive);
        Assert.Contains(model.Candidates, candidate => candidate.Method == ForecastMethod.TeunterSyntetosBabai);
        Assert.All(model.Predict(4).Lower95, value => Assert.True(value >= 0));
    }

    [Fact]
    public void A_combination_forecasts_the_mean_of_its_members_and_its_backtest_beat_the_single_choice()
    {
        var random = new Random(11);
        var found = false;
        for (var attempt = 0; attempt < 40 && !found; attempt++)
        {
            var history = Enumerable.Range(0, 50).Select(_ => (double)random.Next(0, 12)).ToArray();
            var model = new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options { Horizon = 6 }).Fit(history);
            if (model.Method != ForecastMethod.Combination)
            {
                continue;
            }

            found = true;
            var members = model.Selected.Select(method => model.Predict(method, 6).Mean).ToList();
            var combined = model.Predict(6).Mean;
            for (var h = 0; h < 6; h++)
            {
                Assert.Equal(members.Average(mean => mean[h]), combined[h], 9);
            }

            // The first member is the single choice the combination replaced (the preferred method unless beaten clearly).
            var single = model.Candidates.First(candidate => candidate.Method == model.Selected[0]).BacktestMeanAbsoluteError;
            Assert.True(model.Backtest!.MeanAbsoluteError < single);

            // Its distribution at step 1 is the mean of the members' quantiles (these probabilities fall on points of its grid).
            var distribution = model.Predict(6).Distribution;
            var memberDistributions = model.Selected.Select(method => model.Predict(method, 6).Distribution).ToList();
            Assert.Equal(Serverless.Learning.Forecasting.Distributions.IntervalSource.QuantileAverage, distribution.Source);
            foreach (var probability in new[] { 0.5, 0.8, 0.9, 0.975 })
            {
                var expected = memberDistributions.Average(member => member.Mean[0] + member.Scale[0] * member.StepErrors.Quantile(probability));
                Assert.Equal(expected, distribution.Mean[0] + distribution.Scale[0] * distribution.StepErrors.Quantile(probability), 9);
            }
        }

        Assert.True(found, "no noisy series led to a combination");
    }

    [Fact]
    public void An_intermittent_method_spreads_each_period_by_its_one_step_errors_and_the_total_by_its_backtest()
    {
        double[] history = [0, 0, 3, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0, 0, 3];
        AutomaticForecastModel Fit(IntervalMethod intervals) => new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options
        {
            Horizon = 4,
            BacktestOrigins = 6,
            Candidates = [ForecastMethod.Croston],
            Intervals = intervals,
        }).Fit(history);

        var model = Fit(IntervalMethod.AnalyticWhereAvailable);
        var distribution = model.Predict(6).Distribution;
        var backtest = Fit(IntervalMethod.Backtest).Predict(6).Distribution;

        var croston = Assert.IsType<Serverless.Learning.Forecasting.Intermittent.IntermittentDemandModel>(model.Candidates.Single().Model);
        // 29 one-step errors after the first demand in period 3: fewer than 100, so the normal shape.
        Assert.Equal(29, croston.ResidualCount);
        Assert.Null(model.Candidates.Single().ResidualShape);
        Assert.Equal(Serverless.Learning.Forecasting.Distributions.IntervalSource.Residuals, distribution.Source);
        Assert.All(distribution.Scale, scale => Assert.Equal(Math.Sqrt(croston.ResidualVariance), scale, 12));
        Assert.True(distribution.StepErrors.IsNormal);
        Assert.Equal(backtest.CumulativeScale.ToArray(), distribution.CumulativeScale.ToArray());
        Assert.Equal(backtest.Mean.ToArray(), distribution.Mean.ToArray());
    }

    [Fact]
    public void Histories_too_short_to_backtest_fall_back_to_the_naive_method()
    {
        var model = new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options { Horizon = 8 }).Fit([3, 5]);

        Assert.Equal(ForecastMethod.Naive, model.Method);
        Assert.Null(model.Backtest);
        Assert.Equal([5.0, 5.0], model.Predict(2).Mean.ToArray());
        Assert.Throws<ArgumentException>(() => new AutomaticForecastTrainer().Fit([3]));
    }

    [Fact]
    public void Fitting_is_deterministic()
    {
        var history = Enumerable.Range(0, 60).Select(t => (double)((t * 7919) % 13)).ToArray();
        var trainer = new AutomaticForecastTrainer();

        var first = trainer.Fit(history).Predict(8);
        var second = trainer.Fit(history).Predict(8);

        Assert.Equal(first.Mean.ToArray(), second.Mean.ToArray());
        Assert.Equal(first.Upper95.ToArray(), second.Upper95.ToArray());
    }

    [Fact]
    public void Invalid_options_are_refused_naming_the_option()
    {
        var horizon = Assert.Throws<ArgumentOutOfRangeException>(() => new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options { Horizon = 0 }));
        var candidates = Assert.Throws<ArgumentException>(() =>
            new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options { Candidates = [ForecastMethod.Combination] }));

        var standardErrors = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options { StandardErrors = -1 }));
        var preferred = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options { Preferred = ForecastMethod.Combination }));

        Assert.Contains(nameof(AutomaticForecastTrainer.Options.Horizon), horizon.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(AutomaticForecastTrainer.Options.Candidates), candidates.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(AutomaticForecastTrainer.Options.StandardErrors), standardErrors.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(AutomaticForecastTrainer.Options.Preferred), preferred.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_preferred_method_stays_unless_another_wins_the_backtest_by_more_than_one_standard_error()
    {
        // White noise around a level: the average and ARIMA forecast nearly alike, so whichever wins the backtest wins
        // by a hair (or tie, ARIMA(0,0,0) with mean being the average). With ARIMA preferred it must stay whenever the
        // winner's margin is within one standard error; outright, a tie goes to the first method in the enumeration.
        var random = new Random(5);
        var kept = 0;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var history = Enumerable.Range(0, 48).Select(_ => 20.0 + random.Next(-6, 7)).ToArray();
            var outright = new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options
            {
                Horizon = 6, Candidates = [ForecastMethod.Arima, ForecastMethod.HistoricalMean], Preferred = null, CombinationSize = 1,
            }).Fit(history);
            var preferring = new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options
            {
                Horizon = 6, Candidates = [ForecastMethod.Arima, ForecastMethod.HistoricalMean], CombinationSize = 1,
            }).Fit(history);

            var backtests = outright.Candidates.ToDictionary(c => c.Method, c => c.BacktestMeanAbsoluteError);
            Assert.Equal(backtests[ForecastMethod.Arima] < backtests[ForecastMethod.HistoricalMean] ? ForecastMethod.Arima : ForecastMethod.HistoricalMean, outright.Method);
            if (outright.Method == ForecastMethod.HistoricalMean && preferring.Method == ForecastMethod.Arima)
            {
                kept++;
            }
            else
            {
                Assert.Equal(outright.Method, preferring.Method);
            }
        }

        Assert.True(kept > 0, "no history where the average won the backtest by a hair");
    }

    [Fact]
    public void A_clear_backtest_winner_replaces_the_preferred_method()
    {
        // A strong weekly cycle: non-seasonal ARIMA cannot follow it, the seasonal naive method wins by far.
        var history = Enumerable.Range(0, 70).Select(t => (t % 7) switch { 5 or 6 => 60.0, _ => 10.0 } + t % 3).ToArray();

        var model = new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options
        {
            SeasonalPeriod = 7, Horizon = 7, Candidates = [ForecastMethod.Arima, ForecastMethod.SeasonalNaive], CombinationSize = 1,
        }).Fit(history);

        Assert.Equal(ForecastMethod.SeasonalNaive, model.Method);
    }
}
