using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting.Theta;

/// <summary>A fitted Theta model: the SES level and alpha on the adjusted series, the drift, and the seasonal indices.</summary>
public sealed class ThetaModel : IForecastModel, IResidualSource
{
    internal ThetaModel(
        double level, double alpha, double drift, double innovationVariance, double[] season, bool multiplicativeSeason, int trainingLength)
    {
        Level = level;
        Alpha = alpha;
        Drift = drift;
        InnovationVariance = innovationVariance;
        Season = ImmutableArray.Create(season);
        MultiplicativeSeason = multiplicativeSeason;
        TrainingLength = trainingLength;
    }

    public ForecastMethod Method => ForecastMethod.Theta;

    /// <summary>The final SES level of the seasonally adjusted series.</summary>
    public double Level { get; }

    public double Alpha { get; }

    /// <summary>Half the slope of the least-squares line through the (adjusted) history.</summary>
    public double Drift { get; }

    public double InnovationVariance { get; }

    /// <summary>Seasonal indices from the next period on (empty when the series was not found seasonal).</summary>
    public ImmutableArray<double> Season { get; }

    public bool MultiplicativeSeason { get; }

    public int TrainingLength { get; }

    /// <inheritdoc />
    public StandardizedErrors ResidualShape { get; internal init; } = StandardizedErrors.Normal;

    /// <inheritdoc />
    public int ResidualCount { get; internal init; }

    public ModelForecast Forecast(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        var mean = new double[horizon];
        var factor = new double[horizon];
        var start = (1 - Math.Pow(1 - Alpha, TrainingLength)) / Alpha;
        for (var h = 1; h <= horizon; h++)
        {
            var adjusted = Level + Drift * ((h - 1) + start);
            factor[h - 1] = MultiplicativeSeason ? Season[(h - 1) % Season.Length] : 1;
            mean[h - 1] = Season.IsEmpty
                ? adjusted
                : MultiplicativeSeason ? adjusted * factor[h - 1] : adjusted + Season[(h - 1) % Season.Length];
        }

        // SES errors: e(n+h) = eps(n+h) + alpha (eps(n+1) + ... + eps(n+h-1)), each scaled by its seasonal factor.
        // The coefficient of eps(n+k) in the sum of steps 1..L is f_k + alpha (f_(k+1) + ... + f_L).
        var sd = new double[horizon];
        var cumulativeSd = new double[horizon];
        for (var h = 1; h <= horizon; h++)
        {
            sd[h - 1] = factor[h - 1] * Math.Sqrt(InnovationVariance * (1 + (h - 1) * Alpha * Alpha));
            double sum = 0, tail = 0;
            for (var k = h; k >= 1; k--)
            {
                var coefficient = factor[k - 1] + Alpha * tail;
                sum += coefficient * coefficient;
                tail += factor[k - 1];
            }

            cumulativeSd[h - 1] = Math.Sqrt(InnovationVariance * sum);
        }

        return new ModelForecast(ImmutableArray.Create(mean), ImmutableArray.Create(sd), ImmutableArray.Create(cumulativeSd));
    }
}
