namespace Serverless.Domain.Forecasts;

/// <summary>The period of a demand forecast.</summary>
public enum ForecastGranularity
{
    /// <summary>Calendar days (UTC).</summary>
    Day = 1,

    /// <summary>ISO 8601 weeks, Monday to Sunday, dated by their Monday.</summary>
    Week = 2,
}
