namespace Serverless.Application.Forecasts;

/// <summary>What a nightly refresh did: the history it read and the fan-out messages it sent.</summary>
public sealed record ForecastRefreshReport(DateOnly HistoryEnd, long PurchasesRead, int Products, int Categories, int MessagesSent);
