namespace Serverless.Domain.Models;

/// <summary>The interactions of one archive hour, as of the archive's <paramref name="SourceLastModified"/> for that hour.</summary>
public sealed record SnapshotHour(DateTimeOffset Hour, DateTimeOffset SourceLastModified, IReadOnlyList<SnapshotInteraction> Interactions);
