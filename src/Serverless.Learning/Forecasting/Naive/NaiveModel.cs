using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting.Naive;

/// <summary>A fitted naive or seasonal naive model: the last season of the history and the random walk's variance.</summary>
public sealed class NaiveModel : IForecastModel, IResidualSource
{
    internal NaiveModel(int seasonalPeriod, double[] lastSeason, double innovationVariance, int trainingLength)
    {
        SeasonalPeriod = seasonalPeriod;
        LastSeason = ImmutableArray.Create(lastSeason);
        InnovationVariance = innovationVariance;
        TrainingLength = trainingLength;
    }

    public ForecastMethod Method => SeasonalPeriod > 1 ? ForecastMethod.SeasonalNaive : ForecastMethod.Naive;

    public int SeasonalPeriod { get; }

    /// <summary>The last <see cref="SeasonalPeriod"/> observations, oldest first.</summary>
    public ImmutableArray<double> LastSeason { get; }

    /// <summary>Mean squared seasonal difference of the history.</summary>
    public double InnovationVariance { get; }

    public int TrainingLength { get; }

    /// <inheritdoc />
    public StandardizedErrors ResidualShape { get; internal init; } = StandardizedErrors.Normal;

    /// <inheritdoc />
    public int ResidualCount { get; internal init; }

    public ModelForecast Forecast(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        var mean = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            mean[h] = LastSeason[h % SeasonalPeriod];
        }

        // y(n+h) - forecast sums the errors at n+h, n+h-m, ...: psi weight 1 at multiples of m.
        var m = SeasonalPeriod;
        return InnovationsVariance.Forecast(ImmutableArray.Create(mean), InnovationVariance, j => j % m == 0 ? 1 : 0);
    }
}
