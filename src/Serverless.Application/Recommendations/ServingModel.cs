using Serverless.Learning.Recommenders;

namespace Serverless.Application.Recommendations;

/// <summary>What serving scores with: the current model (null in the fallbacks), its popularity lists, and where they came from.</summary>
/// <param name="Version">The registry version; null in the fallbacks.</param>
/// <param name="ETag">The ETag of <c>current.json</c> (registry) or of the snapshot (snapshot popularity) this was loaded from.</param>
public sealed record ServingModel(
    ServingModelSource Source,
    string? Version,
    RecommenderModel? Model,
    PopularityIndex Popularity,
    string? ETag)
{
    public static ServingModel Empty { get; } = new(ServingModelSource.Empty, null, null, PopularityIndex.Empty, null);

    /// <summary>
    /// How request-time history is weighed: the model's own training weighting (from its manifest), so the history it
    /// folds in is on the scale it was trained on; the configured one when the manifest has none.
    /// </summary>
    public InteractionWeighting Weighting { get; init; } = new();
}
