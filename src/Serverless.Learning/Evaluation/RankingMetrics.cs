namespace Serverless.Learning.Evaluation;

/// <summary>
/// Top-K ranking metrics with binary relevance, as pure functions. A recommended list longer than K is cut at K; a
/// shorter one counts its missing slots as misses. Duplicates in a list count once (the first occurrence).
/// </summary>
public static class RankingMetrics
{
    /// <summary>Precision@K = hits in the top K / K. Range [0, 1]; 0 when nothing is relevant.</summary>
    public static double PrecisionAtK(IReadOnlyList<string> recommended, IReadOnlySet<string> relevant, int k)
    {
        Check(recommended, relevant, k);
        return (double)Hits(recommended, relevant, k) / k;
    }

    /// <summary>Recall@K = hits in the top K / |relevant|. Range [0, 1]; 0 when nothing is relevant.</summary>
    public static double RecallAtK(IReadOnlyList<string> recommended, IReadOnlySet<string> relevant, int k)
    {
        Check(recommended, relevant, k);
        return relevant.Count == 0 ? 0 : (double)Hits(recommended, relevant, k) / relevant.Count;
    }

    /// <summary>
    /// NDCG@K = DCG / ideal DCG with DCG = Σ over hits at rank r (1-based) of 1 / log2(r + 1) and the ideal putting
    /// min(K, |relevant|) hits first. Range [0, 1]; 0 when nothing is relevant.
    /// </summary>
    public static double NdcgAtK(IReadOnlyList<string> recommended, IReadOnlySet<string> relevant, int k)
    {
        Check(recommended, relevant, k);
        if (relevant.Count == 0)
        {
            return 0;
        }

        var dcg = 0.0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var rank = 1; rank <= Math.Min(k, recommended.Count); rank++)
        {
            var item = recommended[rank - 1];
            if (seen.Add(item) && relevant.Contains(item))
            {
                dcg += 1 / Math.Log2(rank + 1);
            }
        }

        var ideal = 0.0;
        for (var rank = 1; rank <= Math.Min(k, relevant.Count); rank++)
        {
            ideal += 1 / Math.Log2(rank + 1);
        }

        return dcg / ideal;
    }

    /// <summary>
    /// Average precision at K = Σ over hits at rank r of Precision@r, divided by min(K, |relevant|). MAP@K is its mean
    /// over users. Range [0, 1]; 0 when nothing is relevant.
    /// </summary>
    public static double AveragePrecisionAtK(IReadOnlyList<string> recommended, IReadOnlySet<string> relevant, int k)
    {
        Check(recommended, relevant, k);
        if (relevant.Count == 0)
        {
            return 0;
        }

        var sum = 0.0;
        var hits = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var rank = 1; rank <= Math.Min(k, recommended.Count); rank++)
        {
            var item = recommended[rank - 1];
            if (seen.Add(item) && relevant.Contains(item))
            {
                hits++;
                sum += (double)hits / rank;
            }
        }

        return sum / Math.Min(k, relevant.Count);
    }

    /// <summary>
    /// Catalog coverage = distinct items appearing in any top-K list / catalog size. Range [0, 1] when the lists only
    /// hold catalog items; 0 for an empty catalog.
    /// </summary>
    public static double CatalogCoverage(IEnumerable<IReadOnlyList<string>> recommendations, int k, int catalogSize)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(catalogSize);
        if (catalogSize == 0)
        {
            return 0;
        }

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in recommendations)
        {
            for (var r = 0; r < Math.Min(k, list.Count); r++)
            {
                distinct.Add(list[r]);
            }
        }

        return (double)distinct.Count / catalogSize;
    }

    private static int Hits(IReadOnlyList<string> recommended, IReadOnlySet<string> relevant, int k)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hits = 0;
        for (var r = 0; r < Math.Min(k, recommended.Count); r++)
        {
            if (seen.Add(recommended[r]) && relevant.Contains(recommended[r]))
            {
                hits++;
            }
        }

        return hits;
    }

    private static void Check(IReadOnlyList<string> recommended, IReadOnlySet<string> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(recommended);
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
    }
}
