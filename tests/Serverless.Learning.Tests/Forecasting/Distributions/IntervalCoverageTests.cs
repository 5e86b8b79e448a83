using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Automatic;
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
        double exceedShape80 = 0, exceedShape95 = 0, exceedNormal80 = 0, exceedNormal95 = 0, pinballShape = 0, pinballNormal = 0, total = 0;
        var shaped = Trainer(IntervalMethod.AnalyticWhereAvailable);
        var normal = Trainer(IntervalMethod.AnalyticNormal);
        for (var series = 0; series < 150; series++)
        {
            var y = Enumerable.Range(0, 207).Select(_ => Poisson(random, 5) + (random.NextDouble() < 0.06 ? 30.0 : 0)).ToArray();
            var withShape = shaped.Fit(y.AsSpan(0, 200)).Predict(7);
            var withNormal = normal.Fit(y.AsSpan(0, 200)).Predict(7);
            for (var h = 0; h < 7; h++)
            {
                var actual = y[200 + h];
                exceedShape80 += actual > withShape.Upper80[h] ? 1 : 0;
                exceedShape95 += actual > withShape.Upper95[h] ? 1 : 0;
                exceedNormal80 += actual > withNormal.Upper80[h] ? 1 : 0;
                exceedNormal95 += actual > withNormal.Upper95[h] ? 1 : 0;
                // The lower tail is never narrower than the normal's.
                Assert.True(withShape.Lower80[h] <= withNormal.Lower80[h]);
                pinballShape += Pinball(actual, withShape.Upper80[h], 0.9) + Pinball(actual, withShape.Upper95[h], 0.975);
                pinballNormal += Pinball(actual, withNormal.Upper80[h], 0.9) + Pinball(actual, withNormal.Upper95[h], 0.975);
                total++;
            }
        }

        Assert.InRange(exceedShape80 / total, 0.07, 0.13);
        Assert.InRange(exceedShape95 / total, 0.01, 0.045);
        Assert.InRange(exceedNormal80 / total, 0, 0.07);
        Assert.True(pinballShape < pinballNormal, $"pinball loss of the upper quantiles: shape {pinballShape / total}, normal {pinballNormal / total}");

        static AutomaticForecastTrainer Trainer(IntervalMethod intervals) => new(new AutomaticForecastTrainer.Options
        {
            Horizon = 7,
            BacktestOrigins = 4,
            Candidates = [ForecastMethod.HistoricalMean],
            Intervals = intervals,
        });

        static double Pinball(double actual, double quantile, double probability) => IntervalAccuracy.PinballLoss([actual], [quantile], probability);
    }

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
