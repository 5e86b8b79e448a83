namespace Serverless.Learning.Forecasting.Ets;

/// <summary>How the error enters an exponential smoothing state-space model.</summary>
public enum EtsErrorType
{
    Additive = 1,

    /// <summary>Relative errors; needs a strictly positive series.</summary>
    Multiplicative = 2,
}
