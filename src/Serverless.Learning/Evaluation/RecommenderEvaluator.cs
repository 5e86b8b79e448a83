using Serverless.Learning.Recommenders;

namespace Serverless.Learning.Evaluation;

/// <summary>
/// Scores every test user of a <see cref="TemporalSplit"/> from their training history, excluding the items already in
/// it (the split only counts items new to the user), and averages the <see cref="RankingMetrics"/>.
/// </summary>
public static class RecommenderEvaluator
{
    public static RecommenderMetrics Evaluate(
        RecommenderModel model, TemporalSplit split, int k, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var lists = new IReadOnlyList<string>[split.Users.Count];
        var done = 0;
        Parallel.For(
            0,
            split.Users.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            u =>
            {
                var user = split.Users[u];
                var seen = new HashSet<string>(user.History.Select(h => h.ItemId), StringComparer.Ordinal);
                lists[u] = model.Recommend(user.History, k, seen.Contains).Select(s => s.ItemId).ToArray();
                var count = Interlocked.Increment(ref done);
                if (progress is not null && (count % 64 == 0 || count == split.Users.Count))
                {
                    progress.Report(count);
                }
            });

        return Summarize(split, lists, k);
    }

    /// <summary>
    /// Metrics of recommendations produced elsewhere (e.g. a Python peer) under the same split: a user missing from
    /// <paramref name="recommendations"/> counts as an empty list.
    /// </summary>
    public static RecommenderMetrics Evaluate(
        IReadOnlyDictionary<string, IReadOnlyList<string>> recommendations, TemporalSplit split, int k)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var lists = split.Users
            .Select(user => recommendations.TryGetValue(user.UserId, out var list) ? list : [])
            .ToArray();
        return Summarize(split, lists, k);
    }

    private static RecommenderMetrics Summarize(TemporalSplit split, IReadOnlyList<string>[] lists, int k)
    {
        double precision = 0, recall = 0, ndcg = 0, map = 0;
        for (var u = 0; u < lists.Length; u++)
        {
            var relevant = split.Users[u].Relevant;
            precision += RankingMetrics.PrecisionAtK(lists[u], relevant, k);
            recall += RankingMetrics.RecallAtK(lists[u], relevant, k);
            ndcg += RankingMetrics.NdcgAtK(lists[u], relevant, k);
            map += RankingMetrics.AveragePrecisionAtK(lists[u], relevant, k);
        }

        var users = Math.Max(1, lists.Length);
        return new RecommenderMetrics(
            k, lists.Length, precision / users, recall / users, ndcg / users, map / users,
            RankingMetrics.CatalogCoverage(lists, k, split.CatalogSize));
    }
}
