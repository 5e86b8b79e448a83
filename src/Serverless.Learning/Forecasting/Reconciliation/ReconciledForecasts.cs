using System.Collections.Immutable;

namespace Serverless.Learning.Forecasting.Reconciliation;

/// <summary>Coherent forecasts: every member, every group as the sum of its members, and the total as the sum of all.</summary>
public sealed record ReconciledForecasts(
    ImmutableSortedDictionary<string, SeriesForecast> Members,
    ImmutableSortedDictionary<string, SeriesForecast> Groups,
    SeriesForecast Total);
