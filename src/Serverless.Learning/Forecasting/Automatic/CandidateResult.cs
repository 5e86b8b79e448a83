using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting.Automatic;

/// <summary>
/// One method tried by <see cref="AutomaticForecastTrainer"/>: its model fitted on the whole history, its forecasts at
/// each backtest origin (row-major, origins by steps) and their mean absolute error, and the error model those
/// backtest errors give, and for a model with analytic intervals the shape of its standardized in-sample residuals
/// (<see cref="StandardizedErrors.FromResiduals"/>; null: the normal).
/// </summary>
public sealed record CandidateResult(
    ForecastMethod Method,
    IForecastModel Model,
    ImmutableArray<double> BacktestForecasts,
    double BacktestMeanAbsoluteError,
    EmpiricalErrors? Errors,
    StandardizedErrors? ResidualShape = null);
