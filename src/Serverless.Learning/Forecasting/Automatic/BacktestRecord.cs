using System.Collections.Immutable;

namespace Serverless.Learning.Forecasting.Automatic;

/// <summary>
/// The rolling-origin backtest of the selected forecast: the origins (the number of observations each fit saw), the
/// horizon, the actual values and the selected forecasts, row-major (origins by steps), and their mean absolute error.
/// </summary>
public sealed record BacktestRecord(
    ImmutableArray<int> Origins,
    int Horizon,
    ImmutableArray<double> Actuals,
    ImmutableArray<double> Forecasts,
    double MeanAbsoluteError);
