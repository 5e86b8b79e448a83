namespace Serverless.Cli.Recommendations;

/// <summary>
/// The hyperparameter grid of <c>recs tune</c>: a few values per trainer, small enough to run on two cores in minutes.
/// A first, coarser grid (ALS λ 1-50, α 0.5-2, 64-128 factors; kNN 50-1000 neighbours; half-life 7-365 days) put the
/// best ALS, kNN and popularity settings on its edges on Online Retail, so this grid extends past those edges. The blend is not listed: it tunes its
/// own weights on a validation window inside whatever data it is given.
/// </summary>
internal static class TuningGrid
{
    public static IEnumerable<(RecommenderTrainerChoice Choice, TrainerSettings Settings)> For(
        RecommenderTrainerChoice choice, TrainerSettings baseline) => choice switch
    {
        RecommenderTrainerChoice.Popularity =>
            new[] { 1.0, 3, 7, 14, 30, 90 }.Select(days => (choice, baseline with { PopularityHalfLifeDays = days })),
        RecommenderTrainerChoice.ItemKnnCosine or RecommenderTrainerChoice.ItemKnnBm25 =>
            new[] { 100, 400, 1000, 4000 }.Select(k => (choice, baseline with { KnnNeighbors = k })),
        RecommenderTrainerChoice.Als =>
            from factors in new[] { 64, 128, 192 }
            from regularization in new[] { 50.0, 100, 200 }
            from alpha in new[] { 0.25, 0.5 }
            select (choice, baseline with { AlsFactors = factors, AlsRegularization = regularization, AlsAlpha = alpha }),
        RecommenderTrainerChoice.Ease =>
            new[] { 100.0, 200, 400, 800, 1600 }.Select(lambda => (choice, baseline with { EaseRegularization = lambda })),
        _ => [],
    };

    /// <summary>The command-line flags that select <paramref name="settings"/> for <paramref name="choice"/>.</summary>
    public static string Flags(RecommenderTrainerChoice choice, TrainerSettings settings) => choice switch
    {
        RecommenderTrainerChoice.Popularity => FormattableString.Invariant($"--popularity-half-life {settings.PopularityHalfLifeDays}"),
        RecommenderTrainerChoice.ItemKnnCosine or RecommenderTrainerChoice.ItemKnnBm25 =>
            FormattableString.Invariant($"--knn-neighbors {settings.KnnNeighbors}"),
        RecommenderTrainerChoice.Als => FormattableString.Invariant(
            $"--als-factors {settings.AlsFactors} --als-regularization {settings.AlsRegularization} --als-alpha {settings.AlsAlpha}"),
        RecommenderTrainerChoice.Ease => FormattableString.Invariant($"--ease-lambda {settings.EaseRegularization}"),
        _ => string.Empty,
    };
}
