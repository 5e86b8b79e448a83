using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Recommendations;

/// <summary>
/// The hours of a <see cref="FakeEventArchive"/> that hold events. The archive is append-only, so an hour's event
/// count stands in for its last-modified time: it moves forward exactly when the hour gets new data.
/// </summary>
public sealed class FakeEventArchiveIndex(FakeEventArchive archive) : IEventArchiveIndex
{
    public Task<IReadOnlyList<ArchivedHour>> ListHoursAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var firstHour = HourOf(from);
        return Task.FromResult<IReadOnlyList<ArchivedHour>>(archive.Appended
            .GroupBy(e => HourOf(e.OccurredAt))
            .Where(hour => hour.Key >= firstHour && hour.Key < to)
            .OrderBy(hour => hour.Key)
            .Select(hour => new ArchivedHour(hour.Key, DateTimeOffset.UnixEpoch.AddSeconds(hour.Count())))
            .ToList());
    }

    private static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
