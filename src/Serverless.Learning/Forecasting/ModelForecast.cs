using System.Collections.Immutable;

namespace Serverless.Learning.Forecasting;

/// <summary>
/// What a fitted model says about the next periods: point forecasts and, for models with analytic prediction
/// intervals (linear Gaussian state-space forms), the standard deviation of the forecast error at each step and of
/// the error of the cumulative demand over steps 1..h.
/// </summary>
public sealed record ModelForecast
{
    public ModelForecast(ImmutableArray<double> mean, ImmutableArray<double>? standardDeviation = null, ImmutableArray<double>? cumulativeStandardDeviation = null)
    {
        if (standardDeviation is { } sd && sd.Length != mean.Length)
        {
            throw new ArgumentException("One standard deviation per step is required.", nameof(standardDeviation));
        }

        if (cumulativeStandardDeviation is { } csd && csd.Length != mean.Length)
        {
            throw new ArgumentException("One cumulative standard deviation per step is required.", nameof(cumulativeStandardDeviation));
        }

        Mean = mean;
        StandardDeviation = standardDeviation;
        CumulativeStandardDeviation = cumulativeStandardDeviation;
    }

    /// <summary>Point forecast per step (step 1 is the period after the history).</summary>
    public ImmutableArray<double> Mean { get; }

    /// <summary>Analytic standard deviation of the h-step error, or null when the model has no analytic intervals.</summary>
    public ImmutableArray<double>? StandardDeviation { get; }

    /// <summary>Analytic standard deviation of the error of the sum of steps 1..h, or null.</summary>
    public ImmutableArray<double>? CumulativeStandardDeviation { get; }

    public int Horizon => Mean.Length;

    public bool HasAnalyticIntervals => StandardDeviation is not null;
}
