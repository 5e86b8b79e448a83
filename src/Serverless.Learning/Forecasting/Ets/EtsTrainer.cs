using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Optimization;

namespace Serverless.Learning.Forecasting.Ets;

/// <summary>
/// Fits exponential smoothing state-space models by maximum likelihood and selects among them by AICc (Hyndman,
/// Koehler, Ord and Snyder 2008, "Forecasting with Exponential Smoothing", ch. 5 and 7): for each allowed form, the
/// smoothing parameters and the initial states are estimated together by Nelder-Mead on the concentrated likelihood,
/// within the usual bounds and the admissible region. Multiplicative error or season are tried only on strictly
/// positive series; seasonal forms only when the period is at least 2 and two full seasons are available.
/// </summary>
public sealed class EtsTrainer : IForecastTrainer
{
    private readonly Options _options;

    public EtsTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (_options.SeasonalPeriod < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.SeasonalPeriod, $"{nameof(Options.SeasonalPeriod)} must be at least 1.");
        }

        if (_options.MaxEvaluations < 50)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxEvaluations, $"{nameof(Options.MaxEvaluations)} must be at least 50.");
        }

        if ((_options.Error is { } error && !Enum.IsDefined(error))
            || (_options.Trend is { } trend && !Enum.IsDefined(trend))
            || (_options.Season is { } season && !Enum.IsDefined(season)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), $"Unknown {nameof(Options.Error)}, {nameof(Options.Trend)} or {nameof(Options.Season)} value.");
        }

        if (_options.SeasonalPeriod == 1 && _options.Season is EtsSeasonType.Additive or EtsSeasonType.Multiplicative)
        {
            throw new ArgumentException($"A seasonal {nameof(Options.Season)} needs a {nameof(Options.SeasonalPeriod)} of at least 2.", nameof(options));
        }

        if (_options.Error == EtsErrorType.Additive && _options.Season == EtsSeasonType.Multiplicative)
        {
            throw new ArgumentException(
                $"Additive {nameof(Options.Error)} with multiplicative {nameof(Options.Season)} is not offered (numerically unstable).", nameof(options));
        }
    }

    public ForecastMethod Method => ForecastMethod.ExponentialSmoothing;

    /// <summary>Whether the simplest form the options allow has enough observations (seasonal forms need two seasons).</summary>
    public bool CanFit(int historyLength)
    {
        var season = _options.Season ?? EtsSeasonType.None;
        var specification = new EtsSpecification(EtsErrorType.Additive, _options.Trend ?? EtsTrendType.None, season);
        return historyLength >= MinimumLength(specification, _options.SeasonalPeriod);
    }

    IForecastModel IForecastTrainer.Fit(ReadOnlySpan<double> history) => Fit(history);

    /// <summary>Fits every allowed form and returns the one with the smallest AICc.</summary>
    public EtsModel Fit(ReadOnlySpan<double> history)
    {
        var candidates = Candidates(history);
        if (candidates.Count == 0)
        {
            throw new ArgumentException(
                $"No ETS form fits a history of {history.Length} observations with the options given (the simplest needs {MinimumLength(new(EtsErrorType.Additive, EtsTrendType.None, EtsSeasonType.None), 1)}).",
                nameof(history));
        }

        EtsModel? best = null;
        foreach (var specification in candidates)
        {
            var model = FitSpecification(history, specification, _options.SeasonalPeriod, _options.MaxEvaluations);
            if (model is not null && double.IsFinite(model.Aicc) && (best is null || model.Aicc < best.Aicc))
            {
                best = model;
            }
        }

        return best ?? throw new ArgumentException("No ETS form could be fitted to the history (every fit left the admissible region).", nameof(history));
    }

    /// <summary>The forms that would be tried on this history.</summary>
    public IReadOnlyList<EtsSpecification> Candidates(ReadOnlySpan<double> history)
    {
        var positive = true;
        foreach (var value in history)
        {
            if (!(value > 0))
            {
                positive = false;
                break;
            }
        }

        var m = _options.SeasonalPeriod;
        var result = new List<EtsSpecification>();
        foreach (var spec in EtsSpecification.All)
        {
            if ((_options.Error is { } error && spec.Error != error)
                || (_options.Trend is { } trend && spec.Trend != trend)
                || (_options.Season is { } season && spec.Season != season))
            {
                continue;
            }

            if (!positive && (spec.Error == EtsErrorType.Multiplicative || spec.Season == EtsSeasonType.Multiplicative))
            {
                continue;
            }

            if (spec.IsSeasonal && m < 2)
            {
                continue;
            }

            if (history.Length < MinimumLength(spec, m))
            {
                continue;
            }

            result.Add(spec);
        }

        return result;
    }

    /// <summary>Fits one form; null when no admissible starting point exists.</summary>
    internal static EtsModel? FitSpecification(ReadOnlySpan<double> history, EtsSpecification specification, int period, int maxEvaluations)
    {
        var y = history.ToArray();
        var n = y.Length;
        var m = specification.IsSeasonal ? period : 1;
        var (level0, trend0, season0) = EtsInitialState.Estimate(y, specification, m);

        // Parameter vector: alpha, [beta], [gamma], [phi], level, [trend], [m - 1 seasonal states; the last one is implied
        // by the normalisation: they sum to 0 (additive) or m (multiplicative)].
        var layout = new ParameterLayout(specification, m);
        var start = new double[layout.Length];
        var alpha0 = 0.2 / m + EtsParameterSpace.LowerSmoothing;

        start[layout.Level] = level0;
        if (specification.HasTrend)
        {
            start[layout.Trend] = trend0;
        }

        for (var j = 0; j < m - 1 && specification.IsSeasonal; j++)
        {
            start[layout.Season + j] = season0[j];
        }

        double scale = 0;
        foreach (var v in y)
        {
            scale += Math.Abs(v) / n;
        }

        scale = Math.Max(scale, 1e-3);
        var steps = new double[layout.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            // Smoothing parameters move on the logistic scale (a unit step is large there); states in data units.
            steps[i] = i < layout.Level ? 1.0 : 0.1 * Math.Max(Math.Abs(start[i]), 0.1 * scale);
        }

        var season = new double[Math.Max(m, 1)];
        var polynomial = new double[m + 2];
        double Objective(double[] x) => NegativeTwiceLogLikelihood(y, specification, m, layout, x, season, polynomial);

        // Two starts, a slowly and a quickly adapting level (the likelihood often has a local optimum for each), then a
        // restart of the simplex from the better end point, since Nelder-Mead collapses early in narrow valleys.
        NelderMeadResult? best = null;
        var budget = maxEvaluations / 3;
        foreach (var alphaStart in new[] { alpha0, 0.5 })
        {
            layout.EncodeSmoothing(new EtsParameters(alphaStart, 0.1 * alphaStart, 0.05 * (1 - alphaStart), 0.97), start);
            if (!double.IsFinite(Objective(start)))
            {
                continue;
            }

            var result = NelderMead.Minimize(Objective, start, steps, budget);
            if (best is null || result.Value < best.Value)
            {
                best = result;
            }
        }

        if (best is null)
        {
            return null;
        }

        var refined = NelderMead.Minimize(Objective, best.Point, steps, Math.Max(maxEvaluations - 2 * budget, 50));
        if (refined.Value < best.Value)
        {
            best = refined;
        }

        if (!double.IsFinite(best.Value))
        {
            return null;
        }

        var x = best.Point;
        return FromParameters(y, specification, m, layout.Parameters(x), layout.States(x));
    }

    /// <summary>
    /// The model with these parameters and initial states (initial seasonal states indexed by period of the series,
    /// index j for t mod m = j), run over the history; null when they leave the model's domain.
    /// </summary>
    internal static EtsModel? FromParameters(
        ReadOnlySpan<double> history, EtsSpecification specification, int period, EtsParameters parameters, EtsStates initial)
    {
        var n = history.Length;
        var m = specification.IsSeasonal ? period : 1;
        var level = initial.Level;
        var trend = initial.Trend;
        var final = initial.Season.ToArray();
        var innovations = new double[n];
        if (!EtsFilter.Run(specification, m, parameters, ref level, ref trend, final, history, out var sse, out var sumLog, innovations))
        {
            return null;
        }

        var rotated = new double[final.Length];
        for (var j = 0; j < final.Length; j++)
        {
            rotated[j] = final[(n + j) % m];
        }

        // Estimated: the smoothing parameters and initial states (k - 1 of them), and sigma. R's ets divides the sum of
        // squared innovations by n - (k - 1) for sigma^2; we do the same so intervals match it.
        var estimated = new ParameterLayout(specification, m).Length;
        var logLikelihood = -0.5 * Likelihood(n, sse, sumLog, specification);
        var variance = sse / Math.Max(n - estimated, 1);
        return new EtsModel(
            specification,
            m,
            parameters,
            initial,
            new EtsStates(level, trend, ImmutableArray.Create(rotated)),
            variance,
            logLikelihood,
            estimated + 1,
            n)
        {
            ResidualShape = Residuals.Shape(innovations, variance),
            ResidualCount = innovations.Length,
        };
    }

    /// <summary>The concentrated -2 log-likelihood of the parameter vector, +infinity outside the parameter space.</summary>
    internal static double NegativeTwiceLogLikelihood(
        double[] y, EtsSpecification specification, int m, ParameterLayout layout, double[] x, double[] season, double[] polynomial)
    {
        var parameters = layout.Parameters(x);
        if (!EtsParameterSpace.IsWithinUsualBounds(specification, parameters)
            || !EtsParameterSpace.IsAdmissible(specification, parameters, m, polynomial))
        {
            return double.PositiveInfinity;
        }

        var level = x[layout.Level];
        var trend = specification.HasTrend ? x[layout.Trend] : 0.0;
        if (specification.IsSeasonal && !layout.FillSeason(x, season))
        {
            return double.PositiveInfinity;
        }

        if (!EtsFilter.Run(specification, m, parameters, ref level, ref trend, season, y, out var sse, out var sumLog))
        {
            return double.PositiveInfinity;
        }

        return Likelihood(y.Length, sse, sumLog, specification);
    }

    private static double Likelihood(int n, double sse, double sumLogAbsMean, EtsSpecification specification)
    {
        // A perfect fit (a constant series) would be -infinity; a tiny floor keeps the comparison between forms finite.
        var value = n * Math.Log(Math.Max(sse, 1e-300));
        if (specification.Error == EtsErrorType.Multiplicative)
        {
            value += 2 * sumLogAbsMean;
        }

        return value;
    }

    /// <summary>Enough observations to estimate the form with a finite AICc and, if seasonal, two full seasons.</summary>
    private static int MinimumLength(EtsSpecification specification, int period)
    {
        var parameters = new ParameterLayout(specification, specification.IsSeasonal ? Math.Max(period, 2) : 1).Length + 1;
        var length = parameters + 2;
        return specification.IsSeasonal ? Math.Max(length, 2 * period) : Math.Max(length, 4);
    }

    /// <summary>Options of <see cref="EtsTrainer"/>; a null component lets AICc choose it.</summary>
    public sealed class Options
    {
        /// <summary>The seasonal period m (7 for daily data with a weekly cycle, 1 for none).</summary>
        public int SeasonalPeriod { get; init; } = 1;

        /// <summary>The error type, or null to choose by AICc.</summary>
        public EtsErrorType? Error { get; init; }

        /// <summary>The trend type, or null to choose by AICc.</summary>
        public EtsTrendType? Trend { get; init; }

        /// <summary>The season type, or null to choose by AICc.</summary>
        public EtsSeasonType? Season { get; init; }

        /// <summary>Likelihood evaluations allowed per form (R's ets uses 2000 Nelder-Mead iterations).</summary>
        public int MaxEvaluations { get; init; } = 2000;
    }

    /// <summary>Where each estimated quantity sits in the optimiser's parameter vector.</summary>
    internal sealed class ParameterLayout
    {
        private readonly EtsSpecification _specification;
        private readonly int _period;

        public ParameterLayout(EtsSpecification specification, int period)
        {
            _specification = specification;
            _period = period;
            var index = 1;
            Beta = specification.HasTrend ? index++ : -1;
            Gamma = specification.IsSeasonal ? index++ : -1;
            Phi = specification.IsDamped ? index++ : -1;
            Level = index++;
            Trend = specification.HasTrend ? index++ : -1;
            Season = specification.IsSeasonal ? index : -1;
            Length = index + (specification.IsSeasonal ? period - 1 : 0);
        }

        public int Beta { get; }

        public int Gamma { get; }

        public int Phi { get; }

        public int Level { get; }

        public int Trend { get; }

        public int Season { get; }

        public int Length { get; }

        /// <summary>
        /// The smoothing parameters of an optimiser vector. They are stored on a logistic scale that maps the real line
        /// onto the usual bounds (beta within [lower, alpha], gamma within [lower, 1 - alpha]), so the simplex never
        /// meets a wall there; only the admissibility test of seasonal models can still reject a point.
        /// </summary>
        public EtsParameters Parameters(double[] x)
        {
            const double lower = EtsParameterSpace.LowerSmoothing;
            var alpha = lower + (EtsParameterSpace.UpperSmoothing - lower) * Logistic(x[0]);
            var beta = Beta >= 0 ? lower + (alpha - lower) * Logistic(x[Beta]) : 0;
            var gamma = Gamma >= 0 ? lower + (Math.Min(1 - alpha, EtsParameterSpace.UpperSmoothing) - lower) * Logistic(x[Gamma]) : 0;
            var phi = Phi >= 0
                ? EtsParameterSpace.LowerDamping + (EtsParameterSpace.UpperDamping - EtsParameterSpace.LowerDamping) * Logistic(x[Phi])
                : 1;
            return new EtsParameters(alpha, beta, gamma, phi);
        }

        /// <summary>Writes the logistic-scale coordinates of these smoothing parameters (the inverse of <see cref="Parameters"/>).</summary>
        public void EncodeSmoothing(EtsParameters parameters, double[] x)
        {
            const double lower = EtsParameterSpace.LowerSmoothing;
            x[0] = Logit((parameters.Alpha - lower) / (EtsParameterSpace.UpperSmoothing - lower));
            if (Beta >= 0)
            {
                x[Beta] = Logit((parameters.Beta - lower) / (parameters.Alpha - lower));
            }

            if (Gamma >= 0)
            {
                x[Gamma] = Logit((parameters.Gamma - lower) / (Math.Min(1 - parameters.Alpha, EtsParameterSpace.UpperSmoothing) - lower));
            }

            if (Phi >= 0)
            {
                x[Phi] = Logit((parameters.Phi - EtsParameterSpace.LowerDamping) / (EtsParameterSpace.UpperDamping - EtsParameterSpace.LowerDamping));
            }
        }

        private static double Logistic(double u) => 1 / (1 + Math.Exp(-u));

        private static double Logit(double p)
        {
            var clamped = Math.Clamp(p, 1e-6, 1 - 1e-6);
            return Math.Log(clamped / (1 - clamped));
        }

        /// <summary>Writes the m seasonal states; false when a multiplicative factor is not positive.</summary>
        public bool FillSeason(double[] x, Span<double> season)
        {
            var multiplicative = _specification.Season == EtsSeasonType.Multiplicative;
            double sum = 0;
            for (var j = 0; j < _period - 1; j++)
            {
                season[j] = x[Season + j];
                sum += season[j];
            }

            season[_period - 1] = multiplicative ? _period - sum : -sum;
            if (multiplicative)
            {
                for (var j = 0; j < _period; j++)
                {
                    if (!(season[j] > 0))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        public EtsStates States(double[] x)
        {
            var season = new double[_specification.IsSeasonal ? _period : 0];
            if (_specification.IsSeasonal)
            {
                FillSeason(x, season);
            }

            return new EtsStates(x[Level], Trend >= 0 ? x[Trend] : 0, ImmutableArray.Create(season));
        }
    }
}
