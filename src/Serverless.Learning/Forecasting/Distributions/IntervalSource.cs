namespace Serverless.Learning.Forecasting.Distributions;

/// <summary>Where a forecast's prediction intervals come from.</summary>
public enum IntervalSource
{
    /// <summary>The model's own forecast-error variances (linear state-space forms), read with the normal or the shape of its residuals.</summary>
    Analytic = 1,

    /// <summary>Rolling-origin backtest errors: a scale per step and the empirical distribution of scaled errors.</summary>
    Backtest = 2,

    /// <summary>
    /// An intermittent-demand method's one-step errors over the history: their root mean square as the scale of every
    /// period (the forecast is a flat rate) with their shape; the cumulative demand's spread from the backtest.
    /// </summary>
    Residuals = 3,

    /// <summary>A combination: the mean of its components' quantiles, each from its own source; the cumulative spread from the backtest.</summary>
    QuantileAverage = 4,
}
