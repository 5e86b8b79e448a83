namespace Serverless.Learning.Forecasting;

/// <summary>The forecasting methods the library implements; <see cref="Combination"/> is a mean of several of them.</summary>
public enum ForecastMethod
{
    /// <summary>The last observation, repeated.</summary>
    Naive = 1,

    /// <summary>The observation one season ago, repeated season by season.</summary>
    SeasonalNaive = 2,

    /// <summary>Exponential smoothing state-space model (Hyndman et al. 2008), form chosen by AICc.</summary>
    ExponentialSmoothing = 3,

    /// <summary>Theta method as simple exponential smoothing with drift (Hyndman and Billah 2003).</summary>
    Theta = 4,

    /// <summary>Croston (1972): smoothed demand size over smoothed inter-demand interval.</summary>
    Croston = 5,

    /// <summary>Syntetos-Boylan approximation: Croston's forecast times (1 - alpha/2), removing its bias.</summary>
    SyntetosBoylan = 6,

    /// <summary>Teunter-Syntetos-Babai (2011): smoothed demand probability times smoothed demand size.</summary>
    TeunterSyntetosBabai = 7,

    /// <summary>The mean of the forecasts of the best few methods in the backtest.</summary>
    Combination = 8,

    /// <summary>The average of the whole history (white noise around a constant level).</summary>
    HistoricalMean = 9,

    /// <summary>The sum of the forecasts of a group's members (bottom-up reconciliation).</summary>
    BottomUp = 10,

    /// <summary>ARIMA(p, d, q) with d from the KPSS test and p, q by AICc, as in Hyndman and Khandakar (2008).</summary>
    Arima = 11,
}
