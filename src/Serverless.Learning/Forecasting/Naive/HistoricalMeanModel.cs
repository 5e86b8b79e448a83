using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting.Naive;

/// <summary>A fitted average method: the mean and sample variance of the history.</summary>
public sealed class HistoricalMeanModel : IForecastModel, IResidualSource
{
    internal HistoricalMeanModel(double mean, double variance, int trainingLength)
    {
        Mean = mean;
        Variance = variance;
        TrainingLength = trainingLength;
    }

    public ForecastMethod Method => ForecastMethod.HistoricalMean;

    public double Mean { get; }

    /// <summary>Sample variance of the history (n - 1 denominator).</summary>
    public double Variance { get; }

    public int TrainingLength { get; }

    /// <inheritdoc />
    public StandardizedErrors ResidualShape { get; internal init; } = StandardizedErrors.Normal;

    /// <inheritdoc />
    public int ResidualCount { get; internal init; }

    public ModelForecast Forecast(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        var mean = new double[horizon];
        var sd = new double[horizon];
        var cumulativeSd = new double[horizon];
        // Each future value is mean + its own error; the estimated mean's error is shared by all of them.
        var meanVariance = Variance / TrainingLength;
        for (var h = 1; h <= horizon; h++)
        {
            mean[h - 1] = Mean;
            sd[h - 1] = Math.Sqrt(Variance + meanVariance);
            cumulativeSd[h - 1] = Math.Sqrt(h * Variance + h * (double)h * meanVariance);
        }

        return new ModelForecast(ImmutableArray.Create(mean), ImmutableArray.Create(sd), ImmutableArray.Create(cumulativeSd));
    }
}
