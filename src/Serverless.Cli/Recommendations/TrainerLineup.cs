using System.Globalization;
using Serverless.Learning.Recommenders;

namespace Serverless.Cli.Recommendations;

/// <summary>Names, parsing and construction of the trainers behind <see cref="RecommenderTrainerChoice"/>.</summary>
internal static class TrainerLineup
{
    public static readonly IReadOnlyList<RecommenderTrainerChoice> All = Enum.GetValues<RecommenderTrainerChoice>();

    private static readonly Dictionary<string, RecommenderTrainerChoice> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["popularity"] = RecommenderTrainerChoice.Popularity,
        ["knn-cosine"] = RecommenderTrainerChoice.ItemKnnCosine,
        ["knn-bm25"] = RecommenderTrainerChoice.ItemKnnBm25,
        ["als"] = RecommenderTrainerChoice.Als,
        ["ease"] = RecommenderTrainerChoice.Ease,
        ["blend"] = RecommenderTrainerChoice.Blend,
    };

    public static string Names => string.Join(", ", ByName.Keys);

    public static string Name(RecommenderTrainerChoice choice) => ByName.First(pair => pair.Value == choice).Key;

    /// <summary>"all" or a comma-separated list of names; null with an error message when a name is unknown.</summary>
    public static IReadOnlyList<RecommenderTrainerChoice>? Parse(string value, out string? error)
    {
        error = null;
        if (string.Equals(value.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        var result = new List<RecommenderTrainerChoice>();
        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ByName.TryGetValue(name, out var choice))
            {
                error = $"unknown trainer '{name}'; use all or a comma-separated list of: {Names}.";
                return null;
            }

            if (!result.Contains(choice))
            {
                result.Add(choice);
            }
        }

        if (result.Count == 0)
        {
            error = $"no trainer given; use all or a comma-separated list of: {Names}.";
            return null;
        }

        return result;
    }

    /// <summary>A short description of the configuration, for tables.</summary>
    public static string Describe(RecommenderTrainerChoice choice, TrainerSettings settings) => choice switch
    {
        RecommenderTrainerChoice.Popularity => Invariant($"popularity (half-life {settings.PopularityHalfLifeDays} d)"),
        RecommenderTrainerChoice.ItemKnnCosine => Invariant($"item-kNN cosine ({settings.KnnNeighbors} nn)"),
        RecommenderTrainerChoice.ItemKnnBm25 => Invariant($"item-kNN BM25 ({settings.KnnNeighbors} nn)"),
        RecommenderTrainerChoice.Als => Invariant(
            $"ALS (f={settings.AlsFactors}, λ={settings.AlsRegularization}, α={settings.AlsAlpha}, {settings.AlsIterations} it)"),
        RecommenderTrainerChoice.Ease => Invariant($"EASE (λ={settings.EaseRegularization})"),
        RecommenderTrainerChoice.Blend => "blend of " + string.Join(" + ", settings.BlendComponents.Select(Name)),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown trainer."),
    };

    public static IRecommenderTrainer Create(RecommenderTrainerChoice choice, TrainerSettings settings) => choice switch
    {
        RecommenderTrainerChoice.Popularity => new TimeDecayedPopularityTrainer(new TimeDecayedPopularityTrainer.Options
        {
            HalfLife = TimeSpan.FromDays(settings.PopularityHalfLifeDays),
        }),
        RecommenderTrainerChoice.ItemKnnCosine => new ItemKnnTrainer(new ItemKnnTrainer.Options
        {
            Similarity = ItemSimilarity.Cosine,
            Neighbors = settings.KnnNeighbors,
        }),
        RecommenderTrainerChoice.ItemKnnBm25 => new ItemKnnTrainer(new ItemKnnTrainer.Options
        {
            Similarity = ItemSimilarity.Bm25,
            Neighbors = settings.KnnNeighbors,
        }),
        RecommenderTrainerChoice.Als => new ImplicitAlsTrainer(new ImplicitAlsTrainer.Options
        {
            Factors = settings.AlsFactors,
            Regularization = settings.AlsRegularization,
            Alpha = settings.AlsAlpha,
            Iterations = settings.AlsIterations,
            Seed = settings.Seed,
        }),
        RecommenderTrainerChoice.Ease => new EaseTrainer(new EaseTrainer.Options { Regularization = settings.EaseRegularization }),
        RecommenderTrainerChoice.Blend => new BlendTrainer(new BlendTrainer.Options
        {
            Components = settings.BlendComponents
                .Where(c => c != RecommenderTrainerChoice.Blend)
                .Select(c => Create(c, settings))
                .ToArray(),
            ValidationWindow = TimeSpan.FromDays(settings.BlendValidationDays),
            Seed = settings.Seed,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown trainer."),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
