using Serverless.Learning.Forecasting.Theta;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Theta;

/// <summary>
/// The Theta method against R 4.2.2, forecast 8.20: <c>thetaf(y, h)</c>. Our SES is fitted by our own maximum
/// likelihood, whose alpha differs from R's ses in the fourth digit, hence the tolerance.
/// </summary>
public sealed class ThetaReferenceTests
{
    [Fact]
    public void Non_seasonal_theta_matches_R_thetaf()
    {
        // R: thetaf(P1, h = 8): alpha 0.108571528313713, drift -0.0441176470588235.
        var model = new ThetaTrainer().Fit(ReferenceSeries.UciWeeklyP1);

        Assert.Equal(-0.0441176470588235, model.Drift, 1e-12);
        Assert.Equal(0.108571528313713, model.Alpha, 2e-3);
        double[] r = [7.73737560127498, 7.69325795421616, 7.64914030715734, 7.60502266009851, 7.56090501303969, 7.51678736598087, 7.47266971892204, 7.42855207186322];
        var mean = model.Forecast(8).Mean;
        for (var h = 0; h < 8; h++)
        {
            Assert.Equal(r[h], mean[h], 0.01);
        }
    }

    [Fact]
    public void Seasonal_theta_adjusts_multiplicatively_like_R_thetaf()
    {
        // R: thetaf(AirPassengers, h = 12): seasonal by the 90% test, alpha 0.837752089949302, drift 1.32306962880255.
        var model = new ThetaTrainer(new ThetaTrainer.Options { SeasonalPeriod = 12 }).Fit(ReferenceSeries.AirPassengers);

        Assert.True(model.MultiplicativeSeason);
        Assert.Equal(12, model.Season.Length);
        Assert.Equal(1.32306962880255, model.Drift, 1e-6);
        double[] r = [440.078191081586, 428.384280556983, 489.707098669638, 475.704627661373, 479.670388669209, 545.366272154216,
            602.752001822396, 601.100763091486, 523.951492158653, 456.627144912830, 397.953734665557, 447.644908742896];
        var mean = model.Forecast(12).Mean;
        for (var h = 0; h < 12; h++)
        {
            Assert.True(Math.Abs(r[h] - mean[h]) <= 2e-3 * r[h], $"step {h + 1}: R {r[h]}, ours {mean[h]}");
        }
    }

    [Fact]
    public void A_series_without_seasonality_is_not_adjusted()
    {
        var model = new ThetaTrainer(new ThetaTrainer.Options { SeasonalPeriod = 4 }).Fit(ReferenceSeries.UciWeeklyP1);

        Assert.True(model.Season.IsEmpty);
    }
}
