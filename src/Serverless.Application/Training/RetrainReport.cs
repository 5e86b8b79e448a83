namespace Serverless.Application.Training;

/// <summary>What one retraining run did (the HTTP answer of POST /api/models/{name}/retrain and the timer's log line).</summary>
public sealed record RetrainReport
{
    public required string Name { get; init; }

    public required RetrainOutcome Outcome { get; init; }

    /// <summary>The version this run stored; null when skipped.</summary>
    public string? Version { get; init; }

    /// <summary>The live version before the run.</summary>
    public string? PreviousVersion { get; init; }

    /// <summary>The current version after the run.</summary>
    public string? CurrentVersion { get; init; }

    public required string Reason { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double>? LiveMetrics { get; init; }

    public long Interactions { get; init; }

    public int Users { get; init; }

    public int Items { get; init; }

    public int HoldoutUsers { get; init; }

    /// <summary>Archive hours read in this run (new or changed since the snapshot last read them).</summary>
    public int HoursRead { get; init; }

    /// <summary>Archive hours taken from the snapshot without reading the archive.</summary>
    public int HoursReused { get; init; }

    public int HoursDropped { get; init; }

    public long EventsRead { get; init; }

    /// <summary>Versions deleted to keep the last N.</summary>
    public IReadOnlyList<string> DeletedVersions { get; init; } = [];

    public double Seconds { get; init; }
}
