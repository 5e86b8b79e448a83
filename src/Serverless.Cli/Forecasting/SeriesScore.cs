using Serverless.Learning.Forecasting.Metrics;

namespace Serverless.Cli.Forecasting;

/// <summary>
/// The scores of one model's forecast of one series' hold-out: scaled point errors (MASE, RMSSE, bias over the MASE
/// scale), sMAPE, the coverage of the 80% and 95% intervals, the 95% interval score over the MASE scale (MSIS) and the
/// mean pinball loss of the four interval bounds as quantiles (0.025, 0.1, 0.9, 0.975), over the MASE scale.
/// </summary>
internal sealed record SeriesScore(
    double Mase,
    double Smape,
    double Rmsse,
    double ScaledBias,
    double Coverage80,
    double Coverage95,
    double Msis95,
    double ScaledPinball)
{
    public static SeriesScore Compute(ForecastValues forecast, ReadOnlySpan<double> history, ReadOnlySpan<double> actual, int seasonalPeriod)
    {
        var scale = ForecastAccuracy.NaiveMeanAbsoluteError(history, seasonalPeriod);
        var pinball = (IntervalAccuracy.PinballLoss(actual, forecast.Lower95, 0.025)
                       + IntervalAccuracy.PinballLoss(actual, forecast.Lower80, 0.10)
                       + IntervalAccuracy.PinballLoss(actual, forecast.Upper80, 0.90)
                       + IntervalAccuracy.PinballLoss(actual, forecast.Upper95, 0.975)) / 4;
        return new SeriesScore(
            ForecastAccuracy.MeanAbsoluteScaledError(actual, forecast.Mean, history, seasonalPeriod),
            ForecastAccuracy.SymmetricMeanAbsolutePercentageError(actual, forecast.Mean),
            ForecastAccuracy.RootMeanSquaredScaledError(actual, forecast.Mean, history, seasonalPeriod),
            ForecastAccuracy.ScaledMeanError(actual, forecast.Mean, history, seasonalPeriod),
            IntervalAccuracy.Coverage(actual, forecast.Lower80, forecast.Upper80),
            IntervalAccuracy.Coverage(actual, forecast.Lower95, forecast.Upper95),
            IntervalAccuracy.ScaledIntervalScore(actual, forecast.Lower95, forecast.Upper95, 0.95, scale),
            scale > 0 ? pinball / scale : double.NaN);
    }
}
