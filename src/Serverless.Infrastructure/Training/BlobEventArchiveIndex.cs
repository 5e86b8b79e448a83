using Serverless.Domain.Models;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Archive;

namespace Serverless.Infrastructure.Training;

/// <summary><see cref="IEventArchiveIndex"/> from the archive's blob listings (<see cref="BlobEventArchive.ListHoursAsync"/>).</summary>
public sealed class BlobEventArchiveIndex(BlobEventArchive archive) : IEventArchiveIndex
{
    public async Task<IReadOnlyList<ArchivedHour>> ListHoursAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var hours = await archive.ListHoursAsync(from, to, cancellationToken).ConfigureAwait(false);
        return hours.Select(hour => new ArchivedHour(hour.Hour, hour.LastModified)).ToList();
    }
}
