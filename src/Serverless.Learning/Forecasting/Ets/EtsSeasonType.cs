namespace Serverless.Learning.Forecasting.Ets;

/// <summary>The seasonal component of an exponential smoothing state-space model.</summary>
public enum EtsSeasonType
{
    None = 1,

    Additive = 2,

    /// <summary>Seasonal factors; needs a strictly positive series.</summary>
    Multiplicative = 3,
}
