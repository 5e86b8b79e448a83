namespace Serverless.Learning.Forecasting.Automatic;

/// <summary>How <see cref="AutomaticForecastTrainer"/> builds prediction intervals.</summary>
public enum IntervalMethod
{
    /// <summary>The model's analytic intervals when the selected model has them (a single linear model), otherwise backtest errors.</summary>
    AnalyticWhereAvailable = 1,

    /// <summary>Always from the rolling-origin backtest errors of the selected forecast.</summary>
    Backtest = 2,
}
