namespace Serverless.Domain.Models;

/// <summary>
/// What the registry knows about one trained version (<c>models/{name}/{version}/manifest.json</c>): where its data
/// came from, how it was trained, how it scored on the hold-out beside the live model, and whether it was promoted and why.
/// </summary>
public sealed record ModelManifest
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>The kind of model the artifact holds (for the recommender: the trainer that produced it).</summary>
    public required string Kind { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The informational version of the code that trained it.</summary>
    public string? CodeVersion { get; init; }

    /// <summary>The interactions the published artifact was fitted on.</summary>
    public ModelDataWindow? TrainingWindow { get; init; }

    /// <summary>The interactions both the candidate and the live model were scored on (after the evaluation cutoff).</summary>
    public ModelDataWindow? HoldoutWindow { get; init; }

    /// <summary>Row counts by name (interactions, users, items, holdoutUsers, ...).</summary>
    public IReadOnlyDictionary<string, long> RowCounts { get; init; } = new Dictionary<string, long>();

    /// <summary>The trainer and its options as configuration key/value pairs, enough to fit the same configuration again.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The candidate's metrics on the hold-out (e.g. ndcg@10), when there was a hold-out to score.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The live model's metrics on the same hold-out; null when there was no live model.</summary>
    public IReadOnlyDictionary<string, double>? LiveMetrics { get; init; }

    /// <summary>The live version this candidate was compared with.</summary>
    public string? ComparedWithVersion { get; init; }

    /// <summary>Wall-clock seconds of the whole run (merge, evaluation fits and the final fit).</summary>
    public double TrainingSeconds { get; init; }

    public ModelDecision Decision { get; init; }

    /// <summary>Why the candidate was or was not promoted, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>The files of the version besides manifest.json (model.bin first).</summary>
    public IReadOnlyList<string> Artifacts { get; init; } = [];
}
