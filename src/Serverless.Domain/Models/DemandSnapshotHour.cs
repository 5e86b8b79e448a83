namespace Serverless.Domain.Models;

/// <summary>
/// One archive hour's purchases: units per product (each event id once), and the archive's last-modified time of the
/// hour when it was read. Kept even without purchases, so the hour is not read again.
/// </summary>
public sealed record DemandSnapshotHour(DateTimeOffset Hour, DateTimeOffset SourceLastModified, int Purchases, IReadOnlyList<DemandSnapshotLine> Lines);
