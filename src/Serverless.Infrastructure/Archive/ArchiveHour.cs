namespace Serverless.Infrastructure.Archive;

/// <summary>One hour partition of the archive that holds at least one blob.</summary>
/// <param name="Hour">Start of the hour (UTC) that the events' OccurredAt fall in.</param>
/// <param name="LastModified">Latest write to any blob of the hour: compare with a previous run to find hours that changed.</param>
public sealed record ArchiveHour(DateTimeOffset Hour, int BlobCount, long TotalBytes, DateTimeOffset LastModified);
