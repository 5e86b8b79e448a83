namespace Serverless.Learning.Forecasting.Automatic;

/// <summary>How <see cref="AutomaticForecastTrainer"/> builds prediction intervals.</summary>
public enum IntervalMethod
{
    /// <summary>
    /// The model's analytic intervals when the selected model has them (a single linear model), otherwise backtest errors.
    /// The analytic standard deviations are read with the shape of the model's standardized in-sample residuals
    /// (<see cref="Distributions.StandardizedErrors.FromResiduals"/>) where there are enough of them.
    /// </summary>
    AnalyticWhereAvailable = 1,

    /// <summary>Always from the rolling-origin backtest errors of the selected forecast.</summary>
    Backtest = 2,

    /// <summary>As <see cref="AnalyticWhereAvailable"/> with normal errors, as R's forecast package gives them.</summary>
    AnalyticNormal = 3,
}
