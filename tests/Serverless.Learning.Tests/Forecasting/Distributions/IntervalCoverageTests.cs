using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Ets;
using Serverless.Learning.Forecasting.Metrics;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Distributions;

/// <summary>
/// Interval coverage on simulated series whose distribution is known (fixed seeds): analytic intervals of a correctly
/// specified model, and backtest-calibrated integer intervals on Poisson counts, cover close to their nominal level.
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
