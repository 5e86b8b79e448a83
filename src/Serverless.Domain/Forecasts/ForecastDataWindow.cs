namespace Serverless.Domain.Forecasts;

/// <summary>The history a forecast was fitted on: first and last period (start dates) and the number of periods.</summary>
public sealed record ForecastDataWindow(DateOnly From, DateOnly To, int Periods);
