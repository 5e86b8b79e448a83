using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting.Ets;

/// <summary>
/// A fitted exponential smoothing state-space model: its form, smoothing parameters, initial and final states, the
/// innovation variance and the information criteria it was selected by. Immutable.
/// </summary>
public sealed class EtsModel : IForecastModel, IResidualSource
{
    internal EtsModel(
        EtsSpecification specification,
        int seasonalPeriod,
        EtsParameters parameters,
        EtsStates initialStates,
        EtsStates finalStates,
        double innovationVariance,
        double logLikelihood,
        int parameterCount,
        int trainingLength)
    {
        Specification = specification;
        SeasonalPeriod = seasonalPeriod;
        Parameters = parameters;
        InitialStates = initialStates;
        FinalStates = finalStates;
        InnovationVariance = innovationVariance;
        LogLikelihood = logLikelihood;
        ParameterCount = parameterCount;
        TrainingLength = trainingLength;
    }

    public ForecastMethod Method => ForecastMethod.ExponentialSmoothing;

    public EtsSpecification Specification { get; }

    /// <summary>The seasonal period m (1 for non-seasonal data).</summary>
    public int SeasonalPeriod { get; }

    public EtsParameters Parameters { get; }

    /// <summary>The states before the first observation (estimated with the parameters).</summary>
    public EtsStates InitialStates { get; }

    /// <summary>The states after the last observation; <see cref="EtsStates.Season"/>[0] belongs to the next period.</summary>
    public EtsStates FinalStates { get; }

    /// <summary>Innovation variance: sum of squared innovations / (n - k + 1), k counting sigma, as R's ets computes it.
    /// Relative (unitless) under multiplicative error.</summary>
    public double InnovationVariance { get; }

    /// <summary>
    /// Log-likelihood in the concentrated form of Hyndman et al. (2008, sec. 5.1) and R's ets:
    /// -0.5 (n log(sum e^2) + 2 sum log|mean|), the last term for multiplicative error only; constants dropped.
    /// </summary>
    public double LogLikelihood { get; }

    /// <summary>Estimated parameters including the initial states and sigma.</summary>
    public int ParameterCount { get; }

    public int TrainingLength { get; }

    /// <inheritdoc />
    public StandardizedErrors ResidualShape { get; internal init; } = StandardizedErrors.Normal;

    /// <inheritdoc />
    public int ResidualCount { get; internal init; }

    public double Aic => -2 * LogLikelihood + 2 * ParameterCount;

    /// <summary>AIC corrected for small samples: AIC + 2k(k + 1) / (n - k - 1).</summary>
    public double Aicc => Aic + 2.0 * ParameterCount * (ParameterCount + 1) / (TrainingLength - ParameterCount - 1);

    public double Bic => -2 * LogLikelihood + Math.Log(TrainingLength) * ParameterCount;

    public ModelForecast Forecast(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        var mean = ImmutableArray.Create(EtsFilter.Forecast(
            Specification, SeasonalPeriod, Parameters.Phi, FinalStates.Level, FinalStates.Trend, FinalStates.Season.AsSpan(), horizon));
        if (!Specification.IsLinear)
        {
            return new ModelForecast(mean);
        }

        // Table 6.1 of Hyndman et al. (2008): c_j = alpha + beta (j or phi + ... + phi^j) + gamma [j mod m = 0].
        var p = Parameters;
        var spec = Specification;
        var m = SeasonalPeriod;
        return InnovationsVariance.Forecast(mean, InnovationVariance, j =>
        {
            var c = p.Alpha;
            if (spec.IsDamped)
            {
                double sum = 0, power = 1;
                for (var i = 1; i <= j; i++)
                {
                    power *= p.Phi;
                    sum += power;
                }

                c += p.Beta * sum;
            }
            else if (spec.HasTrend)
            {
                c += p.Beta * j;
            }

            if (spec.IsSeasonal && j % m == 0)
            {
                c += p.Gamma;
            }

            return c;
        });
    }

    public override string ToString() =>
        $"{Specification} alpha={Parameters.Alpha:G4}" +
        (Specification.HasTrend ? $" beta={Parameters.Beta:G4}" : string.Empty) +
        (Specification.IsSeasonal ? $" gamma={Parameters.Gamma:G4}" : string.Empty) +
        (Specification.IsDamped ? $" phi={Parameters.Phi:G4}" : string.Empty);
}
