using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting.Intermittent;

/// <summary>
/// A fitted Croston, SBA or TSB model: the smoothed demand size, interval (Croston, SBA) or probability (TSB), and the
/// mean square of the method's one-step errors over the history. Croston-type methods have no stochastic model behind
/// them (Shenstone and Hyndman 2005), hence no analytic intervals; the one-step errors give a per-period spread instead.
/// </summary>
public sealed class IntermittentDemandModel : IForecastModel, IResidualSource
{
    internal IntermittentDemandModel(
        IntermittentMethod variant,
        double size,
        double interval,
        double probability,
        double sizeSmoothing,
        double probabilitySmoothing,
        int trainingLength,
        double residualVariance = double.NaN)
    {
        ResidualVariance = residualVariance;
        Variant = variant;
        Size = size;
        Interval = interval;
        Probability = probability;
        SizeSmoothing = sizeSmoothing;
        ProbabilitySmoothing = probabilitySmoothing;
        TrainingLength = trainingLength;
    }

    public ForecastMethod Method => Variant switch
    {
        IntermittentMethod.Croston => ForecastMethod.Croston,
        IntermittentMethod.SyntetosBoylan => ForecastMethod.SyntetosBoylan,
        _ => ForecastMethod.TeunterSyntetosBabai,
    };

    public IntermittentMethod Variant { get; }

    /// <summary>Smoothed demand size (0 when the history has no demand).</summary>
    public double Size { get; }

    /// <summary>Smoothed interval between demands, in periods (Croston and SBA; 0 otherwise).</summary>
    public double Interval { get; }

    /// <summary>Smoothed probability of a demand in a period (TSB; 0 otherwise).</summary>
    public double Probability { get; }

    public double SizeSmoothing { get; }

    public double ProbabilitySmoothing { get; }

    public int TrainingLength { get; }

    /// <summary>
    /// Mean squared one-step error of the method over the history, from the period after the first demand on; NaN when
    /// there were fewer than <see cref="MinimumResiduals"/> such periods (or for a model saved before format version 3).
    /// </summary>
    public double ResidualVariance { get; }

    /// <summary>The fewest one-step errors that give <see cref="ResidualVariance"/>.</summary>
    public const int MinimumResiduals = 10;

    /// <inheritdoc />
    public StandardizedErrors ResidualShape { get; internal init; } = StandardizedErrors.Normal;

    /// <inheritdoc />
    public int ResidualCount { get; internal init; }

    /// <summary>The expected demand per period.</summary>
    public double Rate => RateOf(Variant, Size, Interval, Probability, SizeSmoothing);

    /// <summary>The expected demand per period of the given smoothed states (also the one-step forecast while fitting).</summary>
    internal static double RateOf(IntermittentMethod variant, double size, double interval, double probability, double sizeSmoothing) => variant switch
    {
        IntermittentMethod.TeunterSyntetosBabai => probability * size,
        _ when interval <= 0 => 0,
        IntermittentMethod.SyntetosBoylan => (1 - sizeSmoothing / 2) * size / interval,
        _ => size / interval,
    };

    public ModelForecast Forecast(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        var mean = new double[horizon];
        Array.Fill(mean, Rate);
        return new ModelForecast(ImmutableArray.Create(mean));
    }
}
