using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Arima;
using Serverless.Learning.Forecasting.Distributions;
using Serverless.Learning.Forecasting.Ets;
using Serverless.Learning.Forecasting.Metrics;
using Serverless.Learning.Forecasting.Intermittent;
using Serverless.Learning.Forecasting.Naive;
using Serverless.Learning.Forecasting.Theta;

namespace Serverless.Learning.Forecasting.Automatic;

/// <summary>
/// Chooses the forecasting method per series by a rolling-origin backtest (Tashman 2000): every candidate is refitted
/// at each origin of the history's tail and forecasts the next <see cref="Options.Horizon"/> periods; the candidate
/// with the smallest mean absolute error wins if it beats the preferred candidate (ARIMA by default) by more than
/// one standard error, else the preferred one stays, unless the mean of the best <see cref="Options.CombinationSize"/>
/// forecasts does better, in which case that combination is used. Prediction intervals come from the models' own
/// errors (see <see cref="IntervalMethod.AnalyticWhereAvailable"/>); the backtest errors of the choice give the spread
/// of cumulative demand, and the intervals of a model that has nothing better. ETS is refitted at the origins in the form AICc chose on
/// the whole history, which keeps the backtest affordable. On intermittent demand (<see cref="IsIntermittent"/>) the
/// naive methods are not tried: the backtest rewards them for the many zeros, then they repeat a final spike. A
/// candidate that cannot be fitted at an origin is left out; a history too short for any origin gets the naive method.
/// </summary>
public sealed class AutomaticForecastTrainer
{
    private readonly Options _options;
    private readonly ImmutableArray<ForecastMethod> _candidates;

    public AutomaticForecastTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (_options.SeasonalPeriod < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.SeasonalPeriod, $"{nameof(Options.SeasonalPeriod)} must be at least 1.");
        }

        if (_options.Horizon < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Horizon, $"{nameof(Options.Horizon)} must be at least 1.");
        }

        if (_options.BacktestOrigins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.BacktestOrigins, $"{nameof(Options.BacktestOrigins)} must be at least 1.");
        }

        if (_options.OriginStep < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.OriginStep, $"{nameof(Options.OriginStep)} must be at least 1.");
        }

        if (!(_options.StandardErrors >= 0) || double.IsInfinity(_options.StandardErrors))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.StandardErrors, $"{nameof(Options.StandardErrors)} must be a finite number of at least 0.");
        }

        if (_options.Preferred is ForecastMethod.Combination or ForecastMethod.BottomUp || (_options.Preferred is { } preferred && !Enum.IsDefined(preferred)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Preferred, $"{nameof(Options.Preferred)} must be a single forecasting method.");
        }

        if (_options.CombinationSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.CombinationSize, $"{nameof(Options.CombinationSize)} must be at least 1 (1: never combine).");
        }

        if (!Enum.IsDefined(_options.Intervals))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Intervals, $"Unknown {nameof(Options.Intervals)}.");
        }

        var candidates = (_options.Candidates ?? DefaultCandidates)
            .Distinct()
            .Where(method => method != ForecastMethod.SeasonalNaive || _options.SeasonalPeriod > 1)
            .ToImmutableArray();
        if (candidates.IsEmpty || candidates.Contains(ForecastMethod.Combination) || candidates.Any(method => !Enum.IsDefined(method)))
        {
            throw new ArgumentException(
                $"{nameof(Options.Candidates)} must name at least one method, and not {nameof(ForecastMethod.Combination)}.", nameof(options));
        }

        _candidates = candidates;
    }

    /// <summary>Every method but the combination.</summary>
    public static IReadOnlyList<ForecastMethod> DefaultCandidates { get; } =
    [
        ForecastMethod.Naive, ForecastMethod.SeasonalNaive, ForecastMethod.HistoricalMean, ForecastMethod.ExponentialSmoothing,
        ForecastMethod.Theta, ForecastMethod.Croston, ForecastMethod.SyntetosBoylan, ForecastMethod.TeunterSyntetosBabai,
        ForecastMethod.Arima,
    ];

    /// <summary>The shortest history accepted.</summary>
    public const int MinimumHistory = 2;

    /// <summary>The fewest observations a backtest fit may see; shorter histories fall back to the naive method.</summary>
    public const int MinimumOrigin = 4;

    /// <summary>Backtests the candidates and returns the chosen model; throws for fewer than two observations.</summary>
    public AutomaticForecastModel Fit(ReadOnlySpan<double> history)
    {
        var n = history.Length;
        if (n < MinimumHistory)
        {
            throw new ArgumentException($"At least {MinimumHistory} observations are needed (got {n}).", nameof(history));
        }

        foreach (var value in history)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException("The history contains a value that is not a finite number.", nameof(history));
            }
        }

        var y = history.ToArray();
        var m = _options.SeasonalPeriod;
        var integerValued = y.All(value => Math.Floor(value) == value);
        var intermittent = IsIntermittent(y);
        var scale = ForecastAccuracy.NaiveMeanAbsoluteError(y, m);
        // Last-value methods on intermittent demand forecast whatever the last period happened to be (mostly zero in a
        // backtest, a spike at the end): they are left out there.
        var trainers = _candidates
            .Where(method => !intermittent || method is not (ForecastMethod.Naive or ForecastMethod.SeasonalNaive))
            .Select(method => (Method: method, Trainer: CreateTrainer(method, m)))
            .Where(c => c.Trainer.CanFit(n))
            .ToList();
        var full = trainers.Select(c => (c.Method, Model: c.Trainer.Fit(y))).ToList();

        var horizon = Math.Min(_options.Horizon, n - 1);
        var step = _options.OriginStep;
        var origins = Enumerable.Range(0, _options.BacktestOrigins)
            .Select(k => n - horizon - (_options.BacktestOrigins - 1 - k) * step)
            .Where(origin => origin >= MinimumOrigin)
            .ToList();

        // A candidate that cannot be fitted at half of the origins is dropped; the rest are compared on common origins.
        var backtestTrainers = full.Select(c => (c.Method, c.Model, Trainer: BacktestTrainer(c.Method, c.Model, m))).ToList();
        var required = Math.Max(1, (origins.Count + 1) / 2);
        var kept = backtestTrainers.Where(c => origins.Count(o => c.Trainer.CanFit(o)) >= required).ToList();
        var common = origins.Where(o => kept.All(c => c.Trainer.CanFit(o))).ToImmutableArray();
        if (kept.Count == 0 || common.IsEmpty)
        {
            return Fallback(y, full, scale, integerValued);
        }

        var actuals = new double[common.Length * horizon];
        for (var k = 0; k < common.Length; k++)
        {
            for (var h = 0; h < horizon; h++)
            {
                actuals[k * horizon + h] = y[common[k] + h];
            }
        }

        var results = new List<CandidateResult>(kept.Count);
        foreach (var (method, model, trainer) in kept)
        {
            var forecasts = Backtest(trainer, y, common, horizon);
            if (forecasts is null)
            {
                continue;
            }

            results.Add(new CandidateResult(
                method, model, ImmutableArray.Create(forecasts), ForecastAccuracy.MeanAbsoluteError(actuals, forecasts), EmpiricalErrors.FromBacktest(actuals, forecasts, horizon),
                ResidualShape(model)));
        }

        if (results.Count == 0)
        {
            return Fallback(y, full, scale, integerValued);
        }

        var ranked = results.OrderBy(r => r.BacktestMeanAbsoluteError).ThenBy(r => r.Method).ToList();
        if (_options.Preferred is { } preferredMethod && results.FirstOrDefault(r => r.Method == preferredMethod) is { } preferred
            && ranked[0] != preferred && !WinsClearly(ranked[0], preferred, actuals, common.Length, horizon))
        {
            ranked.Remove(preferred);
            ranked.Insert(0, preferred);
        }

        var selected = ImmutableArray.Create(ranked[0].Method);
        var selectedForecasts = ranked[0].BacktestForecasts.ToArray();
        var combinationSize = Math.Min(_options.CombinationSize, ranked.Count);
        if (combinationSize >= 2)
        {
            var combined = new double[actuals.Length];
            for (var i = 0; i < combined.Length; i++)
            {
                for (var c = 0; c < combinationSize; c++)
                {
                    combined[i] += ranked[c].BacktestForecasts[i] / combinationSize;
                }
            }

            if (ForecastAccuracy.MeanAbsoluteError(actuals, combined) < ranked[0].BacktestMeanAbsoluteError)
            {
                selected = ranked.Take(combinationSize).Select(r => r.Method).ToImmutableArray();
                selectedForecasts = combined;
            }
        }

        var backtest = new BacktestRecord(
            common, horizon, ImmutableArray.Create(actuals), ImmutableArray.Create(selectedForecasts), ForecastAccuracy.MeanAbsoluteError(actuals, selectedForecasts));
        return new AutomaticForecastModel(
            m, n, _options.NonNegative, integerValued, _options.Intervals, scale, results.ToImmutableArray(), selected, backtest,
            EmpiricalErrors.FromBacktest(actuals, selectedForecasts, horizon));
    }

    /// <summary>
    /// The candidate's forecasts at every origin, row-major; null when it cannot be fitted at one of them (say, a
    /// multiplicative form meeting a zero), in which case it is left out of the comparison.
    /// </summary>
    private double[]? Backtest(IForecastTrainer trainer, double[] y, ImmutableArray<int> origins, int horizon)
    {
        var forecasts = new double[origins.Length * horizon];
        for (var k = 0; k < origins.Length; k++)
        {
            ImmutableArray<double> mean;
            try
            {
                mean = trainer.Fit(y.AsSpan(0, origins[k])).Forecast(horizon).Mean;
            }
            catch (ArgumentException)
            {
                return null;
            }

            for (var h = 0; h < horizon; h++)
            {
                forecasts[k * horizon + h] = _options.NonNegative ? Math.Max(mean[h], 0) : mean[h];
            }
        }

        return forecasts;
    }

    /// <summary>
    /// The one-standard-error rule (Breiman et al. 1984): the challenger replaces the preferred candidate only when its
    /// backtest MAE is lower by more than <see cref="Options.StandardErrors"/> standard errors of the difference. The
    /// difference is taken per origin (the mean over that origin's horizon), since the errors of one origin's steps are
    /// correlated and the origins are the nearly independent replications.
    /// </summary>
    private bool WinsClearly(CandidateResult challenger, CandidateResult preferred, double[] actuals, int origins, int horizon)
    {
        var differences = new double[origins];
        for (var k = 0; k < origins; k++)
        {
            for (var h = 0; h < horizon; h++)
            {
                var i = k * horizon + h;
                differences[k] += (Math.Abs(actuals[i] - preferred.BacktestForecasts[i]) - Math.Abs(actuals[i] - challenger.BacktestForecasts[i])) / horizon;
            }
        }

        var mean = differences.Average();
        if (origins < 2)
        {
            return mean > 0;
        }

        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (origins - 1);
        return mean > _options.StandardErrors * Math.Sqrt(variance / origins);
    }

    /// <summary>Too short to backtest: the naive method with its analytic intervals.</summary>
    private AutomaticForecastModel Fallback(double[] y, List<(ForecastMethod Method, IForecastModel Model)> full, double scale, bool integerValued)
    {
        var naive = full.FirstOrDefault(c => c.Method == ForecastMethod.Naive).Model ?? new NaiveTrainer().Fit(y);
        var candidate = new CandidateResult(ForecastMethod.Naive, naive, ImmutableArray<double>.Empty, double.NaN, null, ResidualShape(naive));
        return new AutomaticForecastModel(
            _options.SeasonalPeriod, y.Length, _options.NonNegative, integerValued, _options.Intervals, scale, [candidate], [ForecastMethod.Naive], null, null);
    }

    /// <summary>The shape of the model's standardized in-sample residuals; null (the normal) when it has too few.</summary>
    private static StandardizedErrors? ResidualShape(IForecastModel model) =>
        model is IResidualSource { ResidualShape: { IsNormal: false } shape } ? shape : null;

    /// <summary>
    /// Intermittent or lumpy demand in the classification of Syntetos, Boylan and Croston (2005): the average interval
    /// between demands (periods per non-zero period) is at least 1.32. A history without demand counts as intermittent.
    /// </summary>
    public static bool IsIntermittent(ReadOnlySpan<double> history)
    {
        var demands = 0;
        foreach (var value in history)
        {
            if (value > 0)
            {
                demands++;
            }
        }

        return demands == 0 || (double)history.Length / demands >= IntermittentInterval;
    }

    /// <summary>The average inter-demand interval from which demand counts as intermittent (Syntetos et al. 2005).</summary>
    public const double IntermittentInterval = 1.32;

    private IForecastTrainer CreateTrainer(ForecastMethod method, int period) => method switch
    {
        ForecastMethod.Naive => new NaiveTrainer(),
        ForecastMethod.SeasonalNaive => new NaiveTrainer(new NaiveTrainer.Options { SeasonalPeriod = period }),
        ForecastMethod.HistoricalMean => new HistoricalMeanTrainer(),
        ForecastMethod.ExponentialSmoothing => new EtsTrainer(new EtsTrainer.Options { SeasonalPeriod = period, MaxEvaluations = _options.EtsMaxEvaluations }),
        ForecastMethod.Theta => new ThetaTrainer(new ThetaTrainer.Options { SeasonalPeriod = period }),
        ForecastMethod.Croston => new IntermittentDemandTrainer(new IntermittentDemandTrainer.Options { Method = IntermittentMethod.Croston }),
        ForecastMethod.SyntetosBoylan => new IntermittentDemandTrainer(new IntermittentDemandTrainer.Options { Method = IntermittentMethod.SyntetosBoylan }),
        ForecastMethod.TeunterSyntetosBabai => new IntermittentDemandTrainer(new IntermittentDemandTrainer.Options { Method = IntermittentMethod.TeunterSyntetosBabai }),
        ForecastMethod.Arima => new ArimaTrainer(),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a single forecasting method."),
    };

    /// <summary>ETS and ARIMA keep at each origin the form chosen on the whole history; other methods refit as they are.</summary>
    private IForecastTrainer BacktestTrainer(ForecastMethod method, IForecastModel fullModel, int period) => fullModel switch
    {
        EtsModel ets => new EtsTrainer(new EtsTrainer.Options
        {
            SeasonalPeriod = period,
            Error = ets.Specification.Error,
            Trend = ets.Specification.Trend,
            Season = ets.Specification.Season,
            MaxEvaluations = _options.EtsMaxEvaluations,
        }),
        ArimaModel arima => new ArimaTrainer(new ArimaTrainer.Options { Order = arima.Order }),
        _ => CreateTrainer(method, period),
    };

    /// <summary>Options of <see cref="AutomaticForecastTrainer"/>.</summary>
    public sealed class Options
    {
        /// <summary>The seasonal period (7 for daily data with a weekly cycle; 1 for none).</summary>
        public int SeasonalPeriod { get; init; } = 1;

        /// <summary>How many periods ahead each backtest origin forecasts (the horizon the choice is made for).</summary>
        public int Horizon { get; init; } = 8;

        /// <summary>Number of rolling origins; the last one leaves exactly <see cref="Horizon"/> periods after it.</summary>
        public int BacktestOrigins { get; init; } = 16;

        /// <summary>Periods between consecutive origins.</summary>
        public int OriginStep { get; init; } = 1;

        /// <summary>The candidates; null means <see cref="DefaultCandidates"/> (seasonal naive only with a period above 1).</summary>
        public IReadOnlyList<ForecastMethod>? Candidates { get; init; }

        /// <summary>
        /// The candidate kept unless another wins the backtest clearly (see <see cref="StandardErrors"/>); null picks
        /// the lowest backtest MAE outright. ARIMA by default: its form is already chosen by AICc on the whole
        /// history, and a backtest of a few origins often crowns another method by chance.
        /// </summary>
        public ForecastMethod? Preferred { get; init; } = ForecastMethod.Arima;

        /// <summary>By how many standard errors another candidate's backtest MAE must beat the preferred one's (0: any win).</summary>
        public double StandardErrors { get; init; } = 1;

        /// <summary>How many of the best candidates the combination averages; 1 never combines.</summary>
        public int CombinationSize { get; init; } = 3;

        /// <summary>Demand cannot be negative: clip forecasts and interval bounds at zero.</summary>
        public bool NonNegative { get; init; } = true;

        public IntervalMethod Intervals { get; init; } = IntervalMethod.AnalyticWhereAvailable;

        /// <summary>Likelihood evaluations per ETS form and fit.</summary>
        public int EtsMaxEvaluations { get; init; } = 2000;
    }
}
