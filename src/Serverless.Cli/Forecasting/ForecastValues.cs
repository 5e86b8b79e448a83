using Serverless.Learning.Forecasting;

namespace Serverless.Cli.Forecasting;

/// <summary>Point forecasts and 80%/95% bounds over a horizon, from our models or from the R peer.</summary>
internal sealed record ForecastValues(double[] Mean, double[] Lower80, double[] Upper80, double[] Lower95, double[] Upper95)
{
    public static ForecastValues From(SeriesForecast forecast) => new(
        forecast.Mean.ToArray(), forecast.Lower80.ToArray(), forecast.Upper80.ToArray(), forecast.Lower95.ToArray(), forecast.Upper95.ToArray());
}
