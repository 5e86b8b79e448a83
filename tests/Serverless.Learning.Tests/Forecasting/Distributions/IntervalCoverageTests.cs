using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Distributions;
using Serverless.Learning.Forecasting.Ets;
using Serverless.Learning.Forecasting.Metrics;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Distributions;

/// <summary>
/// Interval coverage on simulated series whose distribution is known (fixed seeds): analytic intervals of a correctly
/// specified model, and backtest-calibrated integer intervals on Poisson counts, cover close to their nominal level;
/// the residual shape puts the upper bounds of skewed demand where they belong.
/// </summary>
public sealed class IntervalCoverageTests
{
    [Fact]
    public void Analytic_intervals_of_a_local_level_model_cover_at_their_nominal_rates()
    {
        // ETS(A,N,N): y = l + e, l' = l + 0.3 e, e ~ N(0, 1), from level 10; 300 series of 60 + 4 periods.
        var random = new Random(42);
        var trainer = new EtsTrainer(new EtsTrainer.Options { Error = EtsErrorType.Additive, Trend = EtsTrendType.None, Season = EtsSeasonType.None });
        var horizon = 4;
        double inside80 = 0, inside95 = 0, total = 0;
        for (var series = 0; series < 300; series++)
        {
            var y = new double[64];
            var level = 10.0;
            for (var t = 0; t < y.Length; t++)
            {
                var e = Gaussian(random);
                y[t] = level + e;
                level += 0.3 * e;
            }

            var forecast = trainer.Fit(y.AsSpan(0, 60)).Forecast(horizon);
            for (var h = 0; h < horizon; h++)
            {
                var sd = forecast.StandardDeviation!.Value[h];
                var error = Math.Abs(y[60 + h] - forecast.Mean[h]);
                inside80 += error <= 1.2815515655446004 * sd ? 1 : 0;
                inside95 += error <= 1.959963984540054 * sd ? 1 : 0;
                total++;
            }
        }

        Assert.InRange(inside80 / total, 0.77, 0.83);
        Assert.InRange(inside95 / total, 0.93, 0.97);
    }

    [Fact]
    public void Backtest_integer_intervals_of_Poisson_demand_cover_within_five_points_of_nominal()
    {
        // Independent Poisson(3) counts: 150 series of 48 + 6 periods.
        var random = new Random(2024);
        var trainer = new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options
        {
            Horizon = 6,
            BacktestOrigins = 12,
            Candidates = [ForecastMethod.HistoricalMean, ForecastMethod.TeunterSyntetosBabai, ForecastMethod.Naive],
            Intervals = IntervalMethod.Backtest,
        });
        double coverage80 = 0, coverage95 = 0;
        const int count = 150;
        for (var series = 0; series < count; series++)
        {
            var y = Enumerable.Range(0, 54).Select(_ => (double)Poisson(random, 3)).ToArray();
            var forecast = trainer.Fit(y.AsSpan(0, 48)).Predict(6);
            var actual = y.AsSpan(48);
            coverage80 += IntervalAccuracy.Coverage(actual, forecast.Lower80.AsSpan(), forecast.Upper80.AsSpan()) / count;
            coverage95 += IntervalAccuracy.Coverage(actual, forecast.Lower95.AsSpan(), forecast.Upper95.AsSpan()) / count;
            Assert.All(forecast.Upper95, bound => Assert.Equal(Math.Round(bound), bound));
        }

        Assert.InRange(coverage80, 0.75, 0.85);
        Assert.InRange(coverage95, 0.90, 1.00);
    }

    [Fact]
    public void The_residual_shape_puts_the_upper_bounds_of_skewed_demand_at_their_nominal_quantiles()
    {
        // Poisson(5) units a day plus, on 6% of days, one order of 30: mean 6.8, sd 7.5, a long upper tail. The normal
        // with that sd puts hi80 and hi95 far out (demand exceeds them about 6% and 5% of the time, not 10% and 2.5%);
        // the residual shape of the average method reads the upper tail from the history. 150 series of 200 + 7 days.
        var random = new Random(77);
        var (shape, normal) = CompareUpperBounds(
            () => Enumerable.Range(0, 207).Select(_ => Poisson(random, 5) + (random.NextDouble() < 0.06 ? 30.0 : 0)).ToArray(),
            history: 200,
            Trainer(ForecastMethod.HistoricalMean, 7, 4, IntervalMethod.AnalyticWhereAvailable),
            Trainer(ForecastMethod.HistoricalMean, 7, 4, IntervalMethod.AnalyticNormal),
            (withShape, withNormal) =>
            {
                Assert.Equal(IntervalSource.Analytic, withShape.Distribution.Source);
                // The lower tail is never narrower than the normal's.
                Assert.All(withShape.Lower80.Zip(withNormal.Lower80), pair => Assert.True(pair.First <= pair.Second));
            });

        Assert.InRange(shape.Exceed80, 0.07, 0.13);
        Assert.InRange(shape.Exceed95, 0.01, 0.045);
        Assert.InRange(normal.Exceed80, 0, 0.07);
        Assert.True(shape.Pinball < normal.Pinball, $"pinball loss of the upper quantiles: shape {shape.Pinball}, normal {normal.Pinball}");
    }

    [Fact]
    public void One_step_errors_of_an_intermittent_method_bound_intermittent_demand_better_than_its_backtest()
    {
        // A demand on 30% of days, of 1 + Poisson(3) units: P(Y > 4) = 10.6%, P(Y > 6) = 2.5% (the nearest integer
        // bounds to 90% and 97.5%). TSB alone; 150 series of 120 + 8 days; one-step errors (120 of them, so with their
        // shape) against the backtest's errors of the same forecasts.
        var random = new Random(5);
        var (residuals, backtest) = CompareUpperBounds(
            () => Enumerable.Range(0, 128).Select(_ => random.NextDouble() < 0.3 ? 1.0 + Poisson(random, 3) : 0).ToArray(),
            history: 120,
            Trainer(ForecastMethod.TeunterSyntetosBabai, 8, 8, IntervalMethod.AnalyticWhereAvailable),
            Trainer(ForecastMethod.TeunterSyntetosBabai, 8, 8, IntervalMethod.Backtest),
            (fromResiduals, fromBacktest) =>
            {
                Assert.Equal(IntervalSource.Residuals, fromResiduals.Distribution.Source);
                Assert.Equal(IntervalSource.Backtest, fromBacktest.Distribution.Source);
                Assert.Equal(fromBacktest.Mean.ToArray(), fromResiduals.Mean.ToArray());
            });

        Assert.InRange(residuals.Exceed80, 0.07, 0.15);
        Assert.InRange(residuals.Exceed95, 0.01, 0.05);
        Assert.True(residuals.Exceed95 < backtest.Exceed95, $"exceeding hi95: residuals {residuals.Exceed95}, backtest {backtest.Exceed95}");
        Assert.True(residuals.Pinball < backtest.Pinball, $"pinball loss of the upper quantiles: residuals {residuals.Pinball}, backtest {backtest.Pinball}");
    }

    /// <summary>
    /// Fits both trainers to 150 simulated series and scores their upper bounds on the periods after
    /// <paramref name="history"/>: how often demand exceeds hi80 and hi95, and the mean pinball loss of the two as the
    /// 0.9 and 0.975 quantiles.
    /// </summary>
    private static ((double Exceed80, double Exceed95, double Pinball) First, (double Exceed80, double Exceed95, double Pinball) Second) CompareUpperBounds(
        Func<double[]> simulate, int history, AutomaticForecastTrainer first, AutomaticForecastTrainer second, Action<SeriesForecast, SeriesForecast> check)
    {
        double[] exceed80 = [0, 0], exceed95 = [0, 0], pinball = [0, 0];
        double total = 0;
        for (var series = 0; series < 150; series++)
        {
            var y = simulate();
            var actual = y.AsSpan(history);
            var forecasts = new[] { first.Fit(y.AsSpan(0, history)).Predict(actual.Length), second.Fit(y.AsSpan(0, history)).Predict(actual.Length) };
            check(forecasts[0], forecasts[1]);
            for (var k = 0; k < 2; k++)
            {
                for (var h = 0; h < actual.Length; h++)
                {
                    exceed80[k] += actual[h] > forecasts[k].Upper80[h] ? 1 : 0;
                    exceed95[k] += actual[h] > forecasts[k].Upper95[h] ? 1 : 0;
                }

                pinball[k] += IntervalAccuracy.PinballLoss(actual, forecasts[k].Upper80.AsSpan(), 0.9) * actual.Length
                    + IntervalAccuracy.PinballLoss(actual, forecasts[k].Upper95.AsSpan(), 0.975) * actual.Length;
            }

            total += actual.Length;
        }

        return ((exceed80[0] / total, exceed95[0] / total, pinball[0] / total), (exceed80[1] / total, exceed95[1] / total, pinball[1] / total));
    }

    private static AutomaticForecastTrainer Trainer(ForecastMethod method, int horizon, int origins, IntervalMethod intervals) => new(new AutomaticForecastTrainer.Options
    {
        Horizon = horizon,
        BacktestOrigins = origins,
        Candidates = [method],
        Intervals = intervals,
    });

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(Random random, double rate)
    {
        // Knuth's product of uniforms; fine for small rates.
        var limit = Math.Exp(-rate);
        var product = random.NextDouble();
        var k = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            k++;
        }

        return k;
    }
}
