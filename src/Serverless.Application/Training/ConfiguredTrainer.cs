using Serverless.Learning.Recommenders;

namespace Serverless.Application.Training;

/// <summary>
/// A trainer ready to fit, the weighting that turns snapshot interactions into its input, and the parameters (as
/// configuration keys relative to <c>Recommendations:Training</c>) that build the same pair again.
/// </summary>
public sealed record ConfiguredTrainer(
    RecommenderTrainerKind Kind,
    IRecommenderTrainer Trainer,
    InteractionWeighting.Options WeightingOptions,
    IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The weighting of <see cref="WeightingOptions"/>.</summary>
    public InteractionWeighting Weighting { get; } = new(WeightingOptions);
}
