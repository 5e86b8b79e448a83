namespace Serverless.Learning.Forecasting.Series;

/// <summary>Calendar arithmetic on periods: a period is identified by the date it starts on.</summary>
public static class SeriesPeriods
{
    /// <summary>The start of the period containing <paramref name="date"/> (the date itself, or the Monday of its week).</summary>
    public static DateOnly PeriodStart(DateOnly date, SeriesGranularity granularity) => granularity switch
    {
        SeriesGranularity.Day => date,
        SeriesGranularity.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Unknown granularity."),
    };

    /// <summary>The start of the period <paramref name="periods"/> after the one starting at <paramref name="periodStart"/>.</summary>
    public static DateOnly Add(DateOnly periodStart, int periods, SeriesGranularity granularity) => granularity switch
    {
        SeriesGranularity.Day => periodStart.AddDays(periods),
        SeriesGranularity.Week => periodStart.AddDays(7 * periods),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Unknown granularity."),
    };

    /// <summary>How many periods lie from the period of <paramref name="from"/> to that of <paramref name="to"/> (negative if before).</summary>
    public static int Between(DateOnly from, DateOnly to, SeriesGranularity granularity)
    {
        var days = PeriodStart(to, granularity).DayNumber - PeriodStart(from, granularity).DayNumber;
        return granularity == SeriesGranularity.Week ? days / 7 : days;
    }

    /// <summary>The usual seasonal period: 7 for days (the weekly cycle); 52 for weeks (yearly), usable only with
    /// more than two years of history.</summary>
    public static int SeasonalPeriod(SeriesGranularity granularity) => granularity switch
    {
        SeriesGranularity.Day => 7,
        SeriesGranularity.Week => 52,
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Unknown granularity."),
    };
}
