using Serverless.Domain.Models;

namespace Serverless.Application.Training;

/// <summary>What merging the archive into the snapshot did: the new snapshot and how many hours it read, kept and dropped.</summary>
public sealed record SnapshotMergeResult(InteractionSnapshot Snapshot, int HoursRead, int HoursReused, int HoursDropped, long EventsRead);
