namespace Serverless.Learning.Forecasting;

/// <summary>A fitted, immutable forecasting model of one series.</summary>
public interface IForecastModel
{
    /// <summary>The method this model implements.</summary>
    ForecastMethod Method { get; }

    /// <summary>How many observations the model was fitted on.</summary>
    int TrainingLength { get; }

    /// <summary>Point forecasts for the next <paramref name="horizon"/> periods, with analytic variances when the model has them.</summary>
    ModelForecast Forecast(int horizon);
}
