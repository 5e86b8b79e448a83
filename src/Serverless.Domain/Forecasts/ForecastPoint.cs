namespace Serverless.Domain.Forecasts;

/// <summary>The forecast of one period: the mean and the bounds of the 80% and 95% prediction intervals.</summary>
public sealed record ForecastPoint(DateOnly Date, double Mean, double Lo80, double Hi80, double Lo95, double Hi95);
