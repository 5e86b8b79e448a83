using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Naive;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Naive;

public sealed class NaiveTests
{
    [Fact]
    public void Naive_repeats_the_last_value_with_random_walk_variance()
    {
        // Differences 2, -1, 3: sigma^2 = (4 + 1 + 9) / 3.
        var model = new NaiveTrainer().Fit([1, 3, 2, 5]);
        var forecast = model.Forecast(3);

        Assert.Equal(ForecastMethod.Naive, model.Method);
        Assert.Equal([5.0, 5.0, 5.0], forecast.Mean.ToArray());
        var sigma2 = 14.0 / 3;
        Assert.Equal(Math.Sqrt(sigma2 * 3), forecast.StandardDeviation!.Value[2], 12);
        // Sum of steps 1..2 = 2 e1 + e2: variance 5 sigma^2.
        Assert.Equal(Math.Sqrt(5 * sigma2), forecast.CumulativeStandardDeviation!.Value[1], 12);
    }

    [Fact]
    public void Seasonal_naive_repeats_the_last_season_and_widens_once_per_season()
    {
        var model = new NaiveTrainer(new NaiveTrainer.Options { SeasonalPeriod = 3 }).Fit([1, 2, 3, 2, 3, 4]);
        var forecast = model.Forecast(5);

        Assert.Equal(ForecastMethod.SeasonalNaive, model.Method);
        Assert.Equal([2.0, 3, 4, 2, 3], forecast.Mean.ToArray());
        // Seasonal differences are all 1: sigma^2 = 1; steps 1-3 one error, steps 4-5 two.
        Assert.Equal(1, forecast.StandardDeviation!.Value[2], 12);
        Assert.Equal(Math.Sqrt(2), forecast.StandardDeviation!.Value[3], 12);
    }

    [Fact]
    public void Average_method_forecasts_the_mean_with_the_uncertainty_of_the_mean()
    {
        var model = new HistoricalMeanTrainer().Fit([2, 4, 6, 8]);
        var forecast = model.Forecast(2);

        Assert.Equal(5, forecast.Mean[1], 12);
        // s^2 = 20 / 3; sd = s sqrt(1 + 1/4).
        Assert.Equal(Math.Sqrt(20.0 / 3 * 1.25), forecast.StandardDeviation!.Value[0], 12);
        // Two periods: 2 s^2 + 4 s^2 / n.
        Assert.Equal(Math.Sqrt(20.0 / 3 * (2 + 1)), forecast.CumulativeStandardDeviation!.Value[1], 12);
    }

    [Fact]
    public void Too_short_histories_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new NaiveTrainer(new NaiveTrainer.Options { SeasonalPeriod = 7 }).Fit([1, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NaiveTrainer(new NaiveTrainer.Options { SeasonalPeriod = 0 }));
    }
}
