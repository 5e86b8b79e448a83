using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Application.Forecasts;

/// <summary>
/// A product's demand series and the model the automatic trainer chose for it; both null for a catalog product that
/// did not sell in the window (its forecast is zero). <see cref="LastPeriod"/> is the period the series ends at.
/// </summary>
public sealed record FittedSeries(string ProductId, SeriesGranularity Granularity, DateOnly LastPeriod, DemandSeries? Series, AutomaticForecastModel? Model);
