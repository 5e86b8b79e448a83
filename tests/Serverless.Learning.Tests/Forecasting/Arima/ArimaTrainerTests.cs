using Serverless.Learning.Forecasting.Arima;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Arima;

/// <summary>
/// Exact-likelihood fits against R 4.2's <c>forecast::Arima(method = "ML")</c> (forecast 8.20) on the classic
/// <c>lh</c> series (48 luteinizing-hormone samples, in R's datasets) and on a simulated random walk with drift; the
/// reference figures were printed by R on 2026-12-04.
/// </summary>
public sealed class ArimaTrainerTests
{
    private static readonly double[] Hormone =
    [
        2.4, 2.4, 2.4, 2.2, 2.1, 1.5, 2.3, 2.3, 2.5, 2.0, 1.9, 1.7, 2.2, 1.8, 3.2, 3.2, 2.7, 2.2, 2.2, 1.9, 1.9, 1.8, 2.7, 3.0,
        2.3, 2.0, 2.0, 2.9, 2.9, 2.7, 2.7, 2.3, 2.6, 2.4, 1.8, 1.7, 1.5, 1.4, 2.1, 3.3, 3.5, 3.5, 3.1, 2.6, 2.1, 3.4, 3.0, 2.9,
    ];

    // set.seed(1); cumsum(rnorm(40, 0.5, 1)) + 20
    private static readonly double[] Drifting =
    [
        19.873546, 20.557190, 20.221561, 22.316842, 23.146349, 22.825881, 23.813310, 25.051635, 26.127416, 26.322028,
        28.333809, 29.223652, 29.102412, 27.387712, 29.012643, 29.467709, 29.951519, 31.395355, 32.716576, 33.810478,
        35.229455, 36.511591, 37.086156, 35.596804, 36.716630, 37.160501, 37.504706, 36.533954, 36.555804, 37.473745,
        39.332425, 39.729637, 40.617309, 41.063504, 40.186444, 40.271449, 40.377159, 40.817846, 42.417871, 43.681047,
    ];

    private const double Z95 = 1.959963984540054;

    public static TheoryData<int, int, int, double, double[], double[], double> HormoneFits => new()
    {
        // p, d, q, log-likelihood, coefficients (AR, MA, constant), mean forecasts 1..4, sigma^2
        { 0, 0, 0, -39.046454, [2.400000], [2.4, 2.4, 2.4, 2.4], 0.304255 },
        { 1, 0, 0, -29.379162, [0.573937, 2.413264], [2.692620, 2.573597, 2.505285, 2.466078], 0.206076 },
        { 1, 0, 1, -28.762033, [0.452180, 0.198191, 2.410080], [2.679619, 2.531960, 2.465192, 2.435001], 0.205133 },
        { 2, 0, 2, -27.213208, [0.891498, -0.486187, -0.229769, 0.247646, 2.395430], [2.504154, 2.274328, 2.234607, 2.310935], 0.200527 },
    };

    [Theory]
    [MemberData(nameof(HormoneFits))]
    public void Fixed_forms_match_R_on_the_hormone_series(int p, int d, int q, double logLikelihood, double[] coefficients, double[] mean, double variance)
    {
        var model = new ArimaTrainer(new ArimaTrainer.Options { Order = new ArimaOrder(p, d, q, true) }).Fit(Hormone);

        Assert.Equal(logLikelihood, model.LogLikelihood, 3e-4);
        var fitted = model.Autoregressive.Concat(model.MovingAverage).Append(model.Constant).ToArray();
        for (var i = 0; i < coefficients.Length; i++)
        {
            Assert.Equal(coefficients[i], fitted[i], 2e-3);
        }

        Assert.Equal(variance, model.InnovationVariance, 2e-4);
        var forecast = model.Forecast(4);
        for (var h = 0; h < 4; h++)
        {
            Assert.Equal(mean[h], forecast.Mean[h], 2e-3);
        }
    }

    [Fact]
    public void Intervals_match_R_for_the_chosen_autoregression()
    {
        // R: forecast(Arima(lh, c(1,0,0)), level = 95)$lower
        double[] lower95 = [1.802883, 1.547732, 1.438375, 1.385990];
        var forecast = new ArimaTrainer(new ArimaTrainer.Options { Order = new ArimaOrder(1, 0, 0, true) }).Fit(Hormone).Forecast(4);

        for (var h = 0; h < 4; h++)
        {
            Assert.Equal(lower95[h], forecast.Mean[h] - Z95 * forecast.StandardDeviation!.Value[h], 2e-3);
        }
    }

    [Fact]
    public void Automatic_choice_on_the_hormone_series_is_the_exhaustive_auto_arimas()
    {
        // auto.arima(lh, stepwise = FALSE, approximation = FALSE, max.p = 2, max.q = 2): ARIMA(0,0,2) with non-zero
        // mean, AICc 63.99079 (the default stepwise search stops earlier, at ARIMA(1,0,0)).
        var model = new ArimaTrainer().Fit(Hormone);

        Assert.Equal(new ArimaOrder(0, 0, 2, true), model.Order);
        Assert.Equal(63.99079, model.CorrectedAkaike, 1e-3);
    }

    [Fact]
    public void Random_walk_with_drift_is_differenced_and_drifts_as_in_R()
    {
        // Arima(y, c(0,1,1), include.drift = TRUE): ma1 0.053961, drift 0.611452, loglik -50.266075; forecast means and 95% lower bounds.
        var model = new ArimaTrainer(new ArimaTrainer.Options { Order = new ArimaOrder(0, 1, 1, true) }).Fit(Drifting);
        var forecast = model.Forecast(3);

        Assert.Equal(-50.266075, model.LogLikelihood, 3e-4);
        Assert.Equal(0.053961, model.MovingAverage[0], 2e-3);
        Assert.Equal(0.611452, model.Constant, 2e-3);
        Assert.Equal(0.812574, model.InnovationVariance, 2e-4);
        double[] mean = [44.324766, 44.936218, 45.547670];
        double[] lower95 = [42.557998, 42.369332, 42.376497];
        for (var h = 0; h < 3; h++)
        {
            Assert.Equal(mean[h], forecast.Mean[h], 2e-3);
            Assert.Equal(lower95[h], forecast.Mean[h] - Z95 * forecast.StandardDeviation!.Value[h], 5e-3);
        }

        // auto.arima(y) differences once (ndiffs 1) and picks ARIMA(0,1,0) with drift.
        var automatic = new ArimaTrainer().Fit(Drifting);
        Assert.Equal(1, automatic.Order.Differences);
        Assert.True(automatic.Constant > 0.4, $"drift {automatic.Constant}");
    }

    [Fact]
    public void Kpss_statistic_matches_urca()
    {
        // urca::ur.kpss(x, type = "mu", use.lag = trunc(3 sqrt(n) / 13))@teststat
        Assert.Equal(0.3678891, StationarityTest.KpssStatistic(Hormone), 1e-5);
        Assert.Equal(2.032588, StationarityTest.KpssStatistic(Drifting), 1e-5);
        Assert.False(StationarityTest.NeedsDifferencing(Hormone));
        Assert.True(StationarityTest.NeedsDifferencing(Drifting));
    }

    [Fact]
    public void Cumulative_deviation_of_a_random_walk_adds_triangular_weights()
    {
        // ARIMA(0,1,0): the sum of steps 1..h carries innovation i with weight h - i + 1, so its variance is s^2 h(h+1)(2h+1)/6.
        var model = new ArimaTrainer(new ArimaTrainer.Options { Order = new ArimaOrder(0, 1, 0, false) }).Fit(Drifting);
        var forecast = model.Forecast(5);

        for (var h = 1; h <= 5; h++)
        {
            Assert.Equal(Math.Sqrt(model.InnovationVariance * h * (h + 1) * (2 * h + 1) / 6.0), forecast.CumulativeStandardDeviation!.Value[h - 1], 1e-9);
            Assert.Equal(Math.Sqrt(model.InnovationVariance * h), forecast.StandardDeviation!.Value[h - 1], 1e-9);
        }
    }

    [Fact]
    public void Constant_history_is_forecast_flat_without_uncertainty()
    {
        var forecast = new ArimaTrainer().Fit([3, 3, 3, 3, 3, 3, 3, 3]).Forecast(3);

        Assert.All(forecast.Mean, value => Assert.Equal(3, value));
        Assert.All(forecast.StandardDeviation!.Value, value => Assert.Equal(0, value));
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArimaTrainer(new ArimaTrainer.Options { MaxAutoregressive = 6 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArimaTrainer(new ArimaTrainer.Options { Differences = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArimaTrainer(new ArimaTrainer.Options { Order = new ArimaOrder(1, 2, 0, true) }));
        Assert.Throws<ArgumentException>(() => new ArimaTrainer().Fit([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => new ArimaTrainer().Fit([1, 2, 3, 4, 5, double.NaN]));
    }
}
