using Serverless.Learning.Forecasting.Ets;

namespace Serverless.Learning.Forecasting.Theta;

/// <summary>
/// The Theta method of Assimakopoulos and Nikolopoulos (2000) in the form Hyndman and Billah (2003) showed it to be:
/// simple exponential smoothing (fitted by maximum likelihood as ETS(A,N,N)) plus a drift of half the slope b of a
/// straight line through the history, forecast(h) = SES + b/2 ((h - 1) + (1 - (1 - alpha)^n) / alpha). As in R's
/// <c>thetaf</c>, a series that passes a 90% autocorrelation test for seasonality is seasonally adjusted by classical
/// decomposition first (multiplicative for a strictly positive series, additive otherwise, where R's would divide by
/// zero) and the forecasts are re-seasonalised. Intervals are those of the SES model, shifted by the drift.
/// </summary>
public sealed class ThetaTrainer : IForecastTrainer
{
    private readonly Options _options;

    public ThetaTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (_options.SeasonalPeriod < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.SeasonalPeriod, $"{nameof(Options.SeasonalPeriod)} must be at least 1.");
        }
    }

    public ForecastMethod Method => ForecastMethod.Theta;

    /// <summary>Simple exponential smoothing needs five observations for a finite AICc.</summary>
    public bool CanFit(int historyLength) => historyLength >= 5;

    IForecastModel IForecastTrainer.Fit(ReadOnlySpan<double> history) => Fit(history);

    public ThetaModel Fit(ReadOnlySpan<double> history)
    {
        if (!CanFit(history.Length))
        {
            throw new ArgumentException($"The Theta method needs at least 5 observations (got {history.Length}).", nameof(history));
        }

        var n = history.Length;
        var m = _options.SeasonalPeriod;
        var adjusted = history.ToArray();
        double[] season = [];
        var multiplicative = false;
        if (m > 1 && SeasonalDecomposition.IsSeasonal(history, m))
        {
            multiplicative = true;
            foreach (var value in history)
            {
                if (!(value > 0))
                {
                    multiplicative = false;
                    break;
                }
            }

            season = SeasonalDecomposition.SeasonalIndices(history, m, multiplicative);
            for (var t = 0; t < n; t++)
            {
                adjusted[t] = multiplicative ? adjusted[t] / season[t % m] : adjusted[t] - season[t % m];
            }
        }

        var ses = new EtsTrainer(new EtsTrainer.Options
        {
            Error = EtsErrorType.Additive,
            Trend = EtsTrendType.None,
            Season = EtsSeasonType.None,
        }).Fit(adjusted);

        double meanT = (n - 1) / 2.0, meanY = adjusted.Average(), sxy = 0, sxx = 0;
        for (var t = 0; t < n; t++)
        {
            sxy += (t - meanT) * (adjusted[t] - meanY);
            sxx += (t - meanT) * (t - meanT);
        }

        var slope = sxx > 0 ? sxy / sxx : 0;
        var nextSeason = new double[season.Length];
        for (var j = 0; j < season.Length; j++)
        {
            nextSeason[j] = season[(n + j) % m];
        }

        return new ThetaModel(
            ses.FinalStates.Level, ses.Parameters.Alpha, slope / 2, ses.InnovationVariance, nextSeason, multiplicative, n)
        {
            // The simple exponential smoothing's innovations on the adjusted series, which its intervals scale.
            ResidualShape = ses.ResidualShape,
            ResidualCount = ses.ResidualCount,
        };
    }

    /// <summary>Options of <see cref="ThetaTrainer"/>.</summary>
    public sealed class Options
    {
        /// <summary>The seasonal period tested for and adjusted (1: none).</summary>
        public int SeasonalPeriod { get; init; } = 1;
    }
}
