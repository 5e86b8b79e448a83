namespace Serverless.Learning.Forecasting.Intermittent;

/// <summary>
/// Forecasts for intermittent demand (many zero periods), where smoothing the raw series would chase the zeros:
/// <list type="bullet">
/// <item>Croston (1972): at each demand, the demand size z and the interval since the previous demand p are smoothed
/// with alpha; the forecast per period is z / p. Initialised as R's <c>croston</c>: z and p start at the first demand
/// size and the first interval (counted from the start of the series).</item>
/// <item>SBA (Syntetos and Boylan 2005): Croston's forecast times (1 - alpha / 2), which removes its upward bias.</item>
/// <item>TSB (Teunter, Syntetos and Babai 2011): the probability of a demand d is smoothed with beta every period
/// (towards 1 or 0), the size z with alpha at demands; the forecast is d z, so it decays while no demand comes.
/// Starts at the first demand with z = its size and d = 1 / (its position, 1-based).</item>
/// </list>
/// A history without any demand forecasts zero. The forecasts are flat over the horizon; the methods have no analytic
/// prediction intervals (they come from backtest errors, see <c>AutomaticForecastTrainer</c>).
/// </summary>
public sealed class IntermittentDemandTrainer : IForecastTrainer
{
    private readonly Options _options;

    public IntermittentDemandTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (!Enum.IsDefined(_options.Method))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Method, $"Unknown {nameof(Options.Method)}.");
        }

        if (!(_options.SizeSmoothing is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.SizeSmoothing, $"{nameof(Options.SizeSmoothing)} must be in (0, 1].");
        }

        if (!(_options.ProbabilitySmoothing is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.ProbabilitySmoothing, $"{nameof(Options.ProbabilitySmoothing)} must be in (0, 1].");
        }
    }

    public ForecastMethod Method => _options.Method switch
    {
        IntermittentMethod.Croston => ForecastMethod.Croston,
        IntermittentMethod.SyntetosBoylan => ForecastMethod.SyntetosBoylan,
        _ => ForecastMethod.TeunterSyntetosBabai,
    };

    public bool CanFit(int historyLength) => historyLength >= 1;

    IForecastModel IForecastTrainer.Fit(ReadOnlySpan<double> history) => Fit(history);

    public IntermittentDemandModel Fit(ReadOnlySpan<double> history)
    {
        if (history.IsEmpty)
        {
            throw new ArgumentException("An empty history cannot be forecast.", nameof(history));
        }

        var alpha = _options.SizeSmoothing;
        var first = -1;
        for (var t = 0; t < history.Length; t++)
        {
            if (history[t] > 0)
            {
                first = t;
                break;
            }
        }

        if (first < 0)
        {
            return new IntermittentDemandModel(_options.Method, 0, 0, 0, alpha, _options.ProbabilitySmoothing, history.Length);
        }

        var method = _options.Method;
        var beta = _options.ProbabilitySmoothing;
        double size = history[first];
        // TSB smooths the probability of a demand; Croston and SBA the interval between demands.
        double probability = method == IntermittentMethod.TeunterSyntetosBabai ? 1.0 / (first + 1) : 0;
        double interval = method == IntermittentMethod.TeunterSyntetosBabai ? 0 : first + 1;
        var last = first;
        // One-step errors: each period's demand minus the rate forecast from the periods before it.
        var errors = new double[history.Length - first - 1];
        for (var t = first + 1; t < history.Length; t++)
        {
            errors[t - first - 1] = history[t] - IntermittentDemandModel.RateOf(method, size, interval, probability, alpha);
            if (method == IntermittentMethod.TeunterSyntetosBabai)
            {
                probability += history[t] > 0 ? beta * (1 - probability) : -beta * probability;
            }

            if (history[t] > 0)
            {
                size += alpha * (history[t] - size);
                if (method != IntermittentMethod.TeunterSyntetosBabai)
                {
                    interval += alpha * (t - last - interval);
                    last = t;
                }
            }
        }

        var variance = errors.Length >= IntermittentDemandModel.MinimumResiduals ? errors.Sum(e => e * e) / errors.Length : double.NaN;
        return new IntermittentDemandModel(method, size, interval, probability, alpha, beta, history.Length, variance)
        {
            ResidualShape = Residuals.Shape(errors, variance),
            ResidualCount = errors.Length,
        };
    }


    /// <summary>Options of <see cref="IntermittentDemandTrainer"/>.</summary>
    public sealed class Options
    {
        public IntermittentMethod Method { get; init; } = IntermittentMethod.Croston;

        /// <summary>Alpha, for the demand size (and Croston's interval); 0.1 is the usual choice and R's default.</summary>
        public double SizeSmoothing { get; init; } = 0.1;

        /// <summary>Beta, for TSB's demand probability.</summary>
        public double ProbabilitySmoothing { get; init; } = 0.1;
    }
}
