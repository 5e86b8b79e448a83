using Serverless.Learning.Forecasting.Metrics;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Metrics;

/// <summary>Metrics against values worked out by hand.</summary>
public sealed class ForecastAccuracyTests
{
    // History 2, 4, 3, 5: absolute first differences 2, 1, 2 (MASE scale 5/3), squared 4, 1, 4 (RMSSE scale 3).
    private static readonly double[] History = [2, 4, 3, 5];
    private static readonly double[] Actual = [4, 6];
    private static readonly double[] Forecast = [5, 5];

    [Fact]
    public void Mean_absolute_scaled_error_divides_by_the_in_sample_naive_error()
    {
        Assert.Equal(1.0 / (5.0 / 3), ForecastAccuracy.MeanAbsoluteScaledError(Actual, Forecast, History, 1), 12);
    }

    [Fact]
    public void Seasonal_scale_uses_the_seasonal_lag_when_the_history_is_longer_than_a_season()
    {
        // Lag 2: |3 - 2| + |5 - 4| = 2 over 2 differences.
        Assert.Equal(1.0, ForecastAccuracy.NaiveMeanAbsoluteError(History, 2), 12);
        // A season as long as the history falls back to lag 1.
        Assert.Equal(5.0 / 3, ForecastAccuracy.NaiveMeanAbsoluteError(History, 4), 12);
    }

    [Fact]
    public void Root_mean_squared_scaled_error_divides_squares()
    {
        Assert.Equal(Math.Sqrt(1.0 / 3), ForecastAccuracy.RootMeanSquaredScaledError(Actual, Forecast, History, 1), 12);
    }

    [Fact]
    public void Symmetric_MAPE_counts_both_zero_as_zero_and_a_zero_actual_as_the_maximum()
    {
        // |4 - 5| / 9 and |6 - 5| / 11, times 200 / 2.
        Assert.Equal(100 * (1.0 / 9 + 1.0 / 11), ForecastAccuracy.SymmetricMeanAbsolutePercentageError(Actual, Forecast), 12);
        Assert.Equal(100, ForecastAccuracy.SymmetricMeanAbsolutePercentageError([0, 0], [0, 3]), 12);
    }

    [Fact]
    public void Bias_is_forecast_minus_actual()
    {
        Assert.Equal(0, ForecastAccuracy.MeanError(Actual, Forecast), 12);
        Assert.Equal(1.5, ForecastAccuracy.MeanError([1, 1], [2, 3]), 12);
        Assert.Equal(1.5 / (5.0 / 3), ForecastAccuracy.ScaledMeanError([1, 1], [2, 3], History, 1), 12);
    }

    [Fact]
    public void Scaled_errors_are_undefined_for_a_constant_history()
    {
        Assert.True(double.IsNaN(ForecastAccuracy.MeanAbsoluteScaledError(Actual, Forecast, [3, 3, 3], 1)));
        Assert.True(double.IsNaN(ForecastAccuracy.RootMeanSquaredScaledError(Actual, Forecast, [3, 3, 3], 1)));
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ForecastAccuracy.MeanAbsoluteError([1, 2], [1]));
    }
}
