namespace Serverless.Domain.Forecasts;

/// <summary>Where a served forecast came from.</summary>
public enum ForecastSource
{
    /// <summary>Written by the nightly refresh (container <c>forecasts</c>).</summary>
    Precomputed = 1,

    /// <summary>Fitted for the request (and cached in memory) because no precomputed forecast covered it.</summary>
    OnDemand = 2,
}
