namespace Serverless.Learning.Forecasting.Automatic;

/// <summary>How <see cref="AutomaticForecastTrainer"/> builds prediction intervals.</summary>
public enum IntervalMethod
{
    /// <summary>
    /// The model's analytic intervals when the selected model has them (a single linear model), or for a single
    /// intermittent-demand method the spread of its one-step errors (<see cref="Distributions.IntervalSource.Residuals"/>);
    /// for a combination the mean of its components' quantiles (<see cref="Distributions.IntervalSource.QuantileAverage"/>);
    /// backtest errors otherwise. Each model's spread is read with the shape of its standardized in-sample residuals
    /// (<see cref="Distributions.StandardizedErrors.FromResiduals"/>) where there are enough of them.
    /// </summary>
    AnalyticWhereAvailable = 1,

    /// <summary>Always from the rolling-origin backtest errors of the selected forecast.</summary>
    Backtest = 2,

    /// <summary>As <see cref="AnalyticWhereAvailable"/> with normal errors (as R's forecast package gives analytic intervals).</summary>
    AnalyticNormal = 3,
}
