using NCrontab;

namespace Serverless.LocalHost.Timers;

/// <summary>
/// An NCRONTAB schedule of six fields, seconds first (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), as
/// the Functions timer trigger reads it. Occurrences are in UTC, the Functions default.
/// </summary>
public sealed class CronSchedule
{
    private readonly CrontabSchedule _schedule;

    private CronSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public string Expression { get; }

    public static CronSchedule Parse(string expression, string settingName = "schedule")
    {
        var trimmed = expression?.Trim() ?? string.Empty;
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var schedule = fields.Length == 6
            ? CrontabSchedule.TryParse(string.Join(' ', fields), new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            : null;
        if (schedule is null)
        {
            throw new FormatException(
                $"{settingName} must be an NCRONTAB expression of 6 fields, seconds first " +
                $"(second minute hour day month day-of-week, e.g. \"0 0 * * * *\"); was '{expression}'.");
        }

        return new CronSchedule(trimmed, schedule);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var next = _schedule.GetNextOccurrence(after.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    public override string ToString() => Expression;
}
