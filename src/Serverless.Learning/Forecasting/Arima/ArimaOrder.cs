namespace Serverless.Learning.Forecasting.Arima;

/// <summary>
/// The form of an ARIMA(p, d, q) model: <paramref name="Autoregressive"/> p, <paramref name="Differences"/> d (0 or 1),
/// <paramref name="MovingAverage"/> q, and whether the differenced series has a constant (the mean when d = 0, a drift
/// when d = 1).
/// </summary>
public readonly record struct ArimaOrder(int Autoregressive, int Differences, int MovingAverage, bool IncludesConstant)
{
    /// <summary>Coefficients estimated besides the innovation variance: p + q + the constant.</summary>
    public int CoefficientCount => Autoregressive + MovingAverage + (IncludesConstant ? 1 : 0);

    public override string ToString() =>
        $"ARIMA({Autoregressive},{Differences},{MovingAverage})" + (IncludesConstant ? Differences == 0 ? " with mean" : " with drift" : string.Empty);
}
