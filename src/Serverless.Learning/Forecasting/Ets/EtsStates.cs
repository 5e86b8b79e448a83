using System.Collections.Immutable;

namespace Serverless.Learning.Forecasting.Ets;

/// <summary>Level, trend (0 without trend) and seasonal states (empty without season) at one point in time.</summary>
public sealed record EtsStates(double Level, double Trend, ImmutableArray<double> Season);
