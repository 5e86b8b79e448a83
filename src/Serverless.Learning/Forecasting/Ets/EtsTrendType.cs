namespace Serverless.Learning.Forecasting.Ets;

/// <summary>The trend component of an exponential smoothing state-space model.</summary>
public enum EtsTrendType
{
    None = 1,

    Additive = 2,

    /// <summary>Additive trend damped by phi in [0.8, 0.98].</summary>
    DampedAdditive = 3,
}
