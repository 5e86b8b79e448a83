using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting.Arima;

/// <summary>
/// A fitted ARIMA(p, d, q) model with d of 0 or 1: y - c is ARMA(p, q) when d = 0 (c the mean), and y(t) - y(t-1) - c
/// is ARMA(p, q) when d = 1 (c the drift, or zero). Forecasts continue the Kalman filter's final state; the variances
/// are the innovation variance times the squared psi-weights of the integrated model, as R's <c>predict.Arima</c> gives
/// them once the filter has settled (the uncertainty of the estimated coefficients is not included, as in R).
/// </summary>
public sealed class ArimaModel : IForecastModel, IResidualSource
{
    internal ArimaModel(
        ArimaOrder order,
        double[] autoregressive,
        double[] movingAverage,
        double constant,
        double innovationVariance,
        double[] state,
        double lastObservation,
        double logLikelihood,
        int trainingLength)
    {
        if (autoregressive.Length != order.Autoregressive || movingAverage.Length != order.MovingAverage)
        {
            throw new ArgumentException("One coefficient per autoregressive and moving-average term is required.", nameof(order));
        }

        if (state.Length != Math.Max(order.Autoregressive, order.MovingAverage + 1))
        {
            throw new ArgumentException("The state has max(p, q + 1) elements.", nameof(state));
        }

        if (order.Differences is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order.Differences, "Only 0 or 1 difference is supported.");
        }

        Order = order;
        Autoregressive = ImmutableArray.Create(autoregressive);
        MovingAverage = ImmutableArray.Create(movingAverage);
        Constant = constant;
        InnovationVariance = innovationVariance;
        State = ImmutableArray.Create(state);
        LastObservation = lastObservation;
        LogLikelihood = logLikelihood;
        TrainingLength = trainingLength;
    }

    public ForecastMethod Method => ForecastMethod.Arima;

    public ArimaOrder Order { get; }

    /// <summary>phi1..phip of (1 - phi1 B - ... - phip B^p).</summary>
    public ImmutableArray<double> Autoregressive { get; }

    /// <summary>theta1..thetaq of (1 + theta1 B + ... + thetaq B^q), R's sign convention.</summary>
    public ImmutableArray<double> MovingAverage { get; }

    /// <summary>The mean (d = 0) or drift (d = 1) of the differenced series; 0 without a constant.</summary>
    public double Constant { get; }

    public double InnovationVariance { get; }

    /// <summary>The filter's one-step-ahead state of the differenced series minus its constant.</summary>
    public ImmutableArray<double> State { get; }

    /// <summary>The last observation, which the forecasts of a differenced model start from (unused when d = 0).</summary>
    public double LastObservation { get; }

    /// <summary>The exact Gaussian log-likelihood of the differenced series.</summary>
    public double LogLikelihood { get; }

    public int TrainingLength { get; }

    /// <inheritdoc />
    public StandardizedErrors ResidualShape { get; internal init; } = StandardizedErrors.Normal;

    /// <inheritdoc />
    public int ResidualCount { get; internal init; }

    /// <summary>Corrected Akaike criterion on the differenced series, with the variance counted as a parameter.</summary>
    public double CorrectedAkaike => ArimaTrainer.CorrectedAkaike(LogLikelihood, Order.CoefficientCount + 1, TrainingLength - Order.Differences);

    public ModelForecast Forecast(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        var state = State.ToArray();
        var mean = new double[horizon];
        var level = LastObservation;
        for (var h = 0; h < horizon; h++)
        {
            var step = state[0] + Constant;
            if (Order.Differences == 0)
            {
                mean[h] = step;
            }
            else
            {
                level += step;
                mean[h] = level;
            }

            // Without innovations the state only moves by the transition.
            ArmaLikelihood.Transition(state, Autoregressive.AsSpan());
        }

        var psi = PsiWeights(horizon);
        var sd = new double[horizon];
        var cumulativeSd = new double[horizon];
        double squares = 0;
        for (var h = 1; h <= horizon; h++)
        {
            squares += psi[h - 1] * psi[h - 1];
            sd[h - 1] = Math.Sqrt(InnovationVariance * squares);
            // The sum of steps 1..h carries innovation n+i with weight psi0 + ... + psi(h-i).
            double sum = 0, partial = 0;
            for (var i = h; i >= 1; i--)
            {
                partial += psi[h - i];
                sum += partial * partial;
            }

            cumulativeSd[h - 1] = Math.Sqrt(InnovationVariance * sum);
        }

        return new ModelForecast(ImmutableArray.Create(mean), ImmutableArray.Create(sd), ImmutableArray.Create(cumulativeSd));
    }

    /// <summary>psi0 = 1, psij = thetaj + sum over i of phi*i psi(j-i), phi* the AR polynomial times (1 - B)^d.</summary>
    private double[] PsiWeights(int count)
    {
        var p = Order.Autoregressive;
        var integrated = new double[p + Order.Differences];
        for (var i = 0; i < p; i++)
        {
            integrated[i] = Autoregressive[i];
        }

        if (Order.Differences == 1)
        {
            // (1 - phi(B)) (1 - B): phi*1 = phi1 + 1, phi*i = phii - phi(i-1), phi*(p+1) = -phip.
            for (var i = p; i >= 1; i--)
            {
                integrated[i] -= integrated[i - 1];
            }

            integrated[0] += 1;
        }

        var psi = new double[count];
        for (var j = 0; j < count; j++)
        {
            var value = j == 0 ? 1 : j <= Order.MovingAverage ? MovingAverage[j - 1] : 0;
            for (var i = 1; i <= Math.Min(j, integrated.Length); i++)
            {
                value += integrated[i - 1] * psi[j - i];
            }

            psi[j] = value;
        }

        return psi;
    }
}
