using Serverless.Learning.Forecasting.Optimization;

namespace Serverless.Learning.Forecasting.Arima;

/// <summary>
/// Fits ARIMA(p, d, q) by exact maximum likelihood and, unless the form is fixed, chooses it as R's
/// <c>forecast::auto.arima</c> does (Hyndman and Khandakar 2008) within a smaller space: d from the KPSS test (0 or 1
/// difference; demand does not need two), then every p and q up to the maxima, with and without the mean (d = 0) or
/// drift (d = 1), the smallest AICc among the forms whose roots keep clear of the unit circle winning. Coefficients are searched in the partial-autocorrelation space
/// by Nelder-Mead, so every candidate is stationary and invertible; the mean or drift and the variance are
/// concentrated out of the likelihood.
/// </summary>
public sealed class ArimaTrainer : IForecastTrainer
{
    private readonly Options _options;

    public ArimaTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (_options.MaxAutoregressive is < 0 or > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxAutoregressive, $"{nameof(Options.MaxAutoregressive)} must be 0 to {MaxOrder}.");
        }

        if (_options.MaxMovingAverage is < 0 or > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxMovingAverage, $"{nameof(Options.MaxMovingAverage)} must be 0 to {MaxOrder}.");
        }

        if (_options.Differences is not (null or 0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Differences, $"{nameof(Options.Differences)} must be 0, 1 or null (KPSS test).");
        }

        if (_options.Order is { } order &&
            (order.Autoregressive is < 0 or > MaxOrder || order.MovingAverage is < 0 or > MaxOrder || order.Differences is not (0 or 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), order, $"{nameof(Options.Order)} needs p and q of 0 to {MaxOrder} and d of 0 or 1.");
        }

        if (_options.MaxEvaluations < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxEvaluations, $"{nameof(Options.MaxEvaluations)} must be at least 10.");
        }
    }

    /// <summary>The largest p or q accepted (auto.arima's default maximum).</summary>
    public const int MaxOrder = 5;

    /// <summary>The smallest modulus of an AR or MA root a chosen form may have (auto.arima's 1 + 1e-2).</summary>
    public const double MinimumRootModulus = 1.01;

    /// <summary>The shortest history: AICc needs more observations than parameters plus one.</summary>
    public const int MinimumHistory = 6;

    public ForecastMethod Method => ForecastMethod.Arima;

    public bool CanFit(int historyLength) =>
        historyLength >= (_options.Order is { } order ? Math.Max(MinimumHistory, order.Differences + order.CoefficientCount + 3) : MinimumHistory);

    IForecastModel IForecastTrainer.Fit(ReadOnlySpan<double> history) => Fit(history);

    /// <summary>Fits the fixed form, or chooses one by AICc; throws <see cref="ArgumentException"/> for a history too short or not finite.</summary>
    public ArimaModel Fit(ReadOnlySpan<double> history)
    {
        if (!CanFit(history.Length))
        {
            throw new ArgumentException($"ARIMA needs at least {MinimumHistory} observations for this form (got {history.Length}).", nameof(history));
        }

        foreach (var value in history)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException("The history contains a value that is not a finite number.", nameof(history));
            }
        }

        var d = _options.Order?.Differences ?? _options.Differences ?? (StationarityTest.NeedsDifferencing(history) ? 1 : 0);
        var differenced = new double[history.Length - d];
        for (var t = 0; t < differenced.Length; t++)
        {
            differenced[t] = d == 0 ? history[t] : history[t + 1] - history[t];
        }

        var last = history[^1];
        if (IsConstant(differenced))
        {
            // No variation to model: the constant alone, with no uncertainty (the variance would be zero in any form).
            return new ArimaModel(new ArimaOrder(0, d, 0, true), [], [], differenced[0], 0, [0], last, 0, history.Length);
        }

        ArimaModel? best = null;
        foreach (var order in Orders(d))
        {
            if (differenced.Length - order.CoefficientCount - 2 <= 0)
            {
                continue;
            }

            var model = FitOrder(differenced, order, last, history.Length);
            if (model is not null && (best is null || model.CorrectedAkaike < best.CorrectedAkaike))
            {
                best = model;
            }
        }

        return best ?? throw new ArgumentException("No ARIMA form could be fitted to the history.", nameof(history));
    }

    /// <summary>
    /// Corrected Akaike information criterion of a fit with <paramref name="parameters"/> (the variance included) on
    /// <paramref name="observations"/> observations; +infinity when there are too few observations for the correction.
    /// </summary>
    public static double CorrectedAkaike(double logLikelihood, int parameters, int observations) =>
        observations - parameters - 1 <= 0
            ? double.PositiveInfinity
            : -2 * logLikelihood + 2 * parameters + 2.0 * parameters * (parameters + 1) / (observations - parameters - 1);

    private IEnumerable<ArimaOrder> Orders(int d)
    {
        if (_options.Order is { } fixedOrder)
        {
            yield return fixedOrder;
            yield break;
        }

        for (var p = 0; p <= _options.MaxAutoregressive; p++)
        {
            for (var q = 0; q <= _options.MaxMovingAverage; q++)
            {
                // With and without the constant, as auto.arima tries them: a zero mean suits demand that is nearly
                // always zero, and a drift is rarely worth its parameter.
                yield return new ArimaOrder(p, d, q, true);
                yield return new ArimaOrder(p, d, q, false);
            }
        }
    }

    private ArimaModel? FitOrder(double[] series, ArimaOrder order, double last, int trainingLength)
    {
        var p = order.Autoregressive;
        var q = order.MovingAverage;
        var likelihood = new ArmaLikelihood(p, q, order.IncludesConstant);
        var phi = new double[p];
        var theta = new double[q];
        var state = new double[likelihood.StateDimension];

        bool Evaluate(double[] point, out ArmaFit fit, Span<double> innovations = default)
        {
            StationaryCoefficients.FromUnconstrained(point.AsSpan(0, p), phi);
            StationaryCoefficients.FromUnconstrained(point.AsSpan(p, q), theta);
            // The map gives 1 - c1 z - ...; the moving-average polynomial is 1 + theta1 z + ..., hence the sign.
            for (var i = 0; i < q; i++)
            {
                theta[i] = -theta[i];
            }

            return likelihood.TryEvaluate(series, phi, theta, state, out fit, innovations);
        }

        double[] best = [];
        if (p + q > 0)
        {
            var start = new double[p + q];
            var steps = Enumerable.Repeat(0.5, p + q).ToArray();
            best = NelderMead.Minimize(
                point => Evaluate(point, out var fit) ? fit.MinusTwoLogLikelihood : double.PositiveInfinity, start, steps, _options.MaxEvaluations, 1e-7).Point;
        }

        // Once more at the optimum, which leaves its coefficients and final state in the buffers (and the innovations).
        var innovations = new double[series.Length];
        if (!Evaluate(best, out var result, innovations))
        {
            return null;
        }

        // auto.arima's rule: a fit with an AR or MA root within 1.01 of the unit circle is left out, since it sits at
        // the edge of stationarity or invertibility (often an MA root at -1 cancelling a difference or a drift).
        var negatedTheta = theta.Select(value => -value).ToArray();
        if (_options.Order is null && (!StationaryCoefficients.RootsOutside(phi, MinimumRootModulus) || !StationaryCoefficients.RootsOutside(negatedTheta, MinimumRootModulus)))
        {
            return null;
        }

        var constant = order.IncludesConstant ? result.Constant : 0;
        // The likelihood's variance divides by n; the intervals use the residual variance with the coefficients'
        // degrees of freedom taken off, as forecast::Arima reports it, which widens them for short histories.
        var variance = result.InnovationVariance * series.Length / (series.Length - order.CoefficientCount);
        return new ArimaModel(
            order, (double[])phi.Clone(), (double[])theta.Clone(), constant, variance, (double[])state.Clone(), last,
            -result.MinusTwoLogLikelihood / 2, trainingLength)
        {
            ResidualShape = Residuals.Shape(innovations, variance),
            ResidualCount = innovations.Length,
        };
    }

    private static bool IsConstant(double[] series)
    {
        foreach (var value in series)
        {
            if (value != series[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Options of <see cref="ArimaTrainer"/>.</summary>
    public sealed class Options
    {
        /// <summary>The largest autoregressive order p tried (0 to <see cref="MaxOrder"/>).</summary>
        public int MaxAutoregressive { get; init; } = 2;

        /// <summary>The largest moving-average order q tried (0 to <see cref="MaxOrder"/>).</summary>
        public int MaxMovingAverage { get; init; } = 2;

        /// <summary>0 or 1 differences; null lets the KPSS test decide.</summary>
        public int? Differences { get; init; }

        /// <summary>A fixed form (no search), as a rolling-origin backtest refits the form chosen on the whole history.</summary>
        public ArimaOrder? Order { get; init; }

        /// <summary>Likelihood evaluations per form and fit.</summary>
        public int MaxEvaluations { get; init; } = 1000;
    }
}
