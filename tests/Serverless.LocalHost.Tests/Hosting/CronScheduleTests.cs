using Serverless.LocalHost.Timers;
using Xunit;

namespace Serverless.LocalHost.Tests.Hosting;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 0 * * * *", "2024-03-01T10:15:30Z", "2024-03-01T11:00:00Z")]
    [InlineData("0 0 * * * *", "2024-03-01T11:00:00Z", "2024-03-01T12:00:00Z")]
    [InlineData("*/5 * * * * *", "2024-03-01T10:00:03Z", "2024-03-01T10:00:05Z")]
    [InlineData("0 */15 * * * *", "2024-03-01T23:50:00Z", "2024-03-02T00:00:00Z")]
    [InlineData("0 30 9 * * 1-5", "2024-03-01T10:00:00Z", "2024-03-04T09:30:00Z")] // Friday after 9:30 -> Monday
    [InlineData("0 0 0 29 2 *", "2024-03-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    public void The_next_occurrence_is_the_first_strictly_after_the_given_time(string expression, string after, string expected)
    {
        var schedule = CronSchedule.Parse(expression);

        Assert.Equal(DateTimeOffset.Parse(expected), schedule.GetNextOccurrence(DateTimeOffset.Parse(after)));
    }

    [Fact]
    public void Occurrences_are_computed_in_utc_whatever_the_offset_given()
    {
        var schedule = CronSchedule.Parse("0 0 12 * * *");

        var next = schedule.GetNextOccurrence(DateTimeOffset.Parse("2024-03-01T13:00:00+02:00"));

        // 13:00+02:00 is 11:00 UTC, so noon UTC is still to come that day (read as local 13:00 it would be the next day).
        Assert.Equal(DateTimeOffset.Parse("2024-03-01T12:00:00Z"), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Theory]
    [InlineData("0 * * * *")] // five fields: the seconds are missing
    [InlineData("00:05:00")] // a TimeSpan schedule works only on App Service plans
    [InlineData("0 0 25 * * *")]
    [InlineData("")]
    public void Anything_but_six_valid_fields_is_refused_naming_the_setting(string expression)
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse(expression, "RfmRecomputeSchedule"));

        Assert.Contains("RfmRecomputeSchedule", error.Message);
        Assert.Contains("6 fields", error.Message);
    }
}
