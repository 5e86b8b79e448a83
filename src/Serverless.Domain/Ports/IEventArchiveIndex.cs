using Serverless.Domain.Models;

namespace Serverless.Domain.Ports;

/// <summary>
/// Which hours of the event archive hold data and when each was last written, from blob listings alone (nothing is
/// downloaded), so an incremental reader can re-read only the hours that changed.
/// </summary>
public interface IEventArchiveIndex
{
    /// <summary>The hours overlapping <c>[from, to)</c> that hold data, oldest first.</summary>
    Task<IReadOnlyList<ArchivedHour>> ListHoursAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
