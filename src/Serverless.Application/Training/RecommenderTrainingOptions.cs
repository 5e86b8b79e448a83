namespace Serverless.Application.Training;

/// <summary>
/// The retraining job (configuration section <c>Recommendations:Training</c>). The trainers' own options are read from
/// sub-sections named after them: <c>Weighting</c> (<c>InteractionWeighting.Options</c>), <c>Popularity</c>,
/// <c>ItemKnn</c>, <c>ImplicitAls</c>, <c>Ease</c> and <c>Blend</c>, with their property names as keys.
/// </summary>
public sealed class RecommenderTrainingOptions
{
    public const string SectionName = "Recommendations:Training";

    public const RecommenderTrainerKind DefaultTrainer = RecommenderTrainerKind.Blend;

    public RecommenderTrainerKind Trainer { get; set; } = DefaultTrainer;

    /// <summary>
    /// The trainers a <see cref="RecommenderTrainerKind.Blend"/> mixes; empty means Ease, ImplicitAls and Popularity,
    /// the components that kept a weight on Online Retail (docs/quality.md).
    /// </summary>
    public RecommenderTrainerKind[] BlendComponents { get; set; } = [];

    /// <summary>Interactions older than this are dropped from the snapshot and never trained on.</summary>
    public int TrainingWindowDays { get; set; } = 730;

    /// <summary>The last days of data are the hold-out on which the candidate and the live model are compared.</summary>
    public int HoldoutDays { get; set; } = 14;

    /// <summary>Fewer hold-out users than this cannot show a candidate is not worse (the live model is then kept).</summary>
    public int MinimumHoldoutUsers { get; set; } = 20;

    /// <summary>The cutoff K of the metrics; the gate compares NDCG@K.</summary>
    public int MetricK { get; set; } = 10;

    /// <summary>
    /// The candidate is promoted unless its NDCG@K is below the live model's by more than this fraction of it
    /// (0.02: at most 2 % worse).
    /// </summary>
    public double PromotionMargin { get; set; } = 0.02;

    /// <summary>How many versions the registry keeps (the current one is always kept besides).</summary>
    public int KeepVersions { get; set; } = 5;

    /// <summary>Half-life of the "popular" lists (global, per segment, per category) published with each version.</summary>
    public double PopularityHalfLifeDays { get; set; } = 30;

    /// <summary>Half-life of the "trending" lists: short, so they follow the last few days.</summary>
    public double TrendingHalfLifeDays { get; set; } = 3;

    /// <summary>Items kept per popularity list.</summary>
    public int PopularListLength { get; set; } = 500;

    public static RecommenderTrainerKind[] DefaultBlendComponents { get; } =
        [RecommenderTrainerKind.Ease, RecommenderTrainerKind.ImplicitAls, RecommenderTrainerKind.Popularity];

    public IReadOnlyList<RecommenderTrainerKind> EffectiveBlendComponents =>
        BlendComponents.Length == 0 ? DefaultBlendComponents : BlendComponents;

    public TimeSpan TrainingWindow => TimeSpan.FromDays(TrainingWindowDays);

    public TimeSpan Holdout => TimeSpan.FromDays(HoldoutDays);

    public TimeSpan PopularityHalfLife => TimeSpan.FromDays(PopularityHalfLifeDays);

    public TimeSpan TrendingHalfLife => TimeSpan.FromDays(TrendingHalfLifeDays);
}
