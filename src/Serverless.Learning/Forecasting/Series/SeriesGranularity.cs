namespace Serverless.Learning.Forecasting.Series;

/// <summary>The length of one period of a demand series.</summary>
public enum SeriesGranularity
{
    /// <summary>Calendar days.</summary>
    Day = 1,

    /// <summary>ISO 8601 weeks, Monday to Sunday; a week is dated by its Monday.</summary>
    Week = 2,
}
