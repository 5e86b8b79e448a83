namespace Serverless.Learning.Forecasting;

/// <summary>Fits a forecasting model to the history of one series (oldest observation first).</summary>
public interface IForecastTrainer
{
    /// <summary>The method the fitted models implement.</summary>
    ForecastMethod Method { get; }

    /// <summary>Fits a model; throws <see cref="ArgumentException"/> when the history cannot support it.</summary>
    IForecastModel Fit(ReadOnlySpan<double> history);

    /// <summary>Whether <see cref="Fit"/> can work on a history of this length.</summary>
    bool CanFit(int historyLength);
}
