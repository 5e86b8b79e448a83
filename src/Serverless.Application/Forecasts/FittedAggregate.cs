using Serverless.Domain.Forecasts;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Application.Forecasts;

/// <summary>
/// A bottom-up series, a category or the shop's total: every product of it that sold in the window, each with its
/// fitted model, and the summed series.
/// </summary>
public sealed record FittedAggregate(ForecastSeriesKind Kind, string Name, SeriesGranularity Granularity, DemandSeries Series, IReadOnlyList<FittedSeries> Members);
