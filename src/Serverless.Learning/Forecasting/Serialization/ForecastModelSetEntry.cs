using Serverless.Learning.Forecasting.Automatic;

namespace Serverless.Learning.Forecasting.Serialization;

/// <summary>One series of a <see cref="ForecastModelSet"/>: its id, the start of the last period of its history, its model.</summary>
public sealed record ForecastModelSetEntry(string SeriesId, DateOnly LastPeriod, AutomaticForecastModel Model);
