namespace Serverless.Cli.Recommendations;

/// <summary>
/// Hyperparameters of the <c>recs</c> commands. The defaults are the values chosen by <c>recs tune</c> on the 60 days
/// before the Online Retail test cutoff (docs/quality.md), never on the test period: the best validation NDCG@10, and
/// between configurations within 0.001 of it the cheaper one (fewer factors or neighbours).
/// </summary>
internal sealed record TrainerSettings
{
    public double PopularityHalfLifeDays { get; init; } = 7;

    public int KnnNeighbors { get; init; } = 1000;

    public int AlsFactors { get; init; } = 128;

    public double AlsRegularization { get; init; } = 50;

    public double AlsAlpha { get; init; } = 0.25;

    public int AlsIterations { get; init; } = 15;

    public double EaseRegularization { get; init; } = 800;

    /// <summary>Days at the end of the training data the blend holds out to choose its weights.</summary>
    public double BlendValidationDays { get; init; } = 30;

    public IReadOnlyList<RecommenderTrainerChoice> BlendComponents { get; init; } =
        [RecommenderTrainerChoice.Ease, RecommenderTrainerChoice.Als, RecommenderTrainerChoice.ItemKnnBm25, RecommenderTrainerChoice.Popularity];

    public int Seed { get; init; } = 42;
}
