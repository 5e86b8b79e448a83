using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting;

/// <summary>
/// A forecast of one series over the horizon: point forecasts with 80% and 95% prediction intervals, the method that
/// produced them and the full predictive distribution (any quantile, per period or cumulative).
/// </summary>
public sealed class SeriesForecast
{
    public SeriesForecast(ForecastMethod method, ForecastDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Method = method;
        Distribution = distribution;
        var horizon = distribution.Horizon;
        var lower80 = new double[horizon];
        var upper80 = new double[horizon];
        var lower95 = new double[horizon];
        var upper95 = new double[horizon];
        for (var h = 1; h <= horizon; h++)
        {
            (lower80[h - 1], upper80[h - 1]) = distribution.Interval(h, 0.80);
            (lower95[h - 1], upper95[h - 1]) = distribution.Interval(h, 0.95);
        }

        Lower80 = ImmutableArray.Create(lower80);
        Upper80 = ImmutableArray.Create(upper80);
        Lower95 = ImmutableArray.Create(lower95);
        Upper95 = ImmutableArray.Create(upper95);
    }

    public ForecastMethod Method { get; }

    public ForecastDistribution Distribution { get; }

    public int Horizon => Distribution.Horizon;

    public ImmutableArray<double> Mean => Distribution.Mean;

    public ImmutableArray<double> Lower80 { get; }

    public ImmutableArray<double> Upper80 { get; }

    public ImmutableArray<double> Lower95 { get; }

    public ImmutableArray<double> Upper95 { get; }

    public IntervalSource IntervalSource => Distribution.Source;
}
