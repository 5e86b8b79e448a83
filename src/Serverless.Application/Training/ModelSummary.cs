using Serverless.Domain.Models;

namespace Serverless.Application.Training;

/// <summary>One model of GET /api/models: its current version (null before the first promotion) and how many versions are stored.</summary>
public sealed record ModelSummary
{
    public required string Name { get; init; }

    public ModelPointer? Current { get; init; }

    /// <summary>The current version's manifest.</summary>
    public ModelManifest? CurrentManifest { get; init; }

    public int StoredVersions { get; init; }

    /// <summary>Whether POST /api/models/{name}/retrain has a job for this model.</summary>
    public bool Retrainable { get; init; }
}
