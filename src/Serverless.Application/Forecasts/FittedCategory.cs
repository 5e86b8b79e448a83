using Serverless.Learning.Forecasting.Series;

namespace Serverless.Application.Forecasts;

/// <summary>Every product of a category that sold in the window, each with its fitted model, and the category's summed series.</summary>
public sealed record FittedCategory(string Category, SeriesGranularity Granularity, DemandSeries Series, IReadOnlyList<FittedSeries> Members);
