namespace Serverless.Domain.Forecasts;

/// <summary>
/// The rolling-origin backtest of the forecast: mean absolute error in units, the same scaled by the in-sample
/// seasonal-naive error (MASE; below 1 beats the naive method), the steps ahead and origins it covered.
/// Null members when the history was too short to backtest.
/// </summary>
public sealed record ForecastAccuracyRecord(double? Mae, double? Mase, int Horizon, int Origins);
