namespace Serverless.Application.Forecasts;

/// <summary>What a nightly refresh did: the history it read (archive hours read and reused from the demand snapshot) and the fan-out messages it sent.</summary>
public sealed record ForecastRefreshReport(DateOnly HistoryEnd, int HoursRead, int HoursReused, long PurchasesRead, int Products, int Categories, int MessagesSent);
