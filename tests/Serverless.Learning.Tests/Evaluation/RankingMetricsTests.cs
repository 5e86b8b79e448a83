using Serverless.Learning.Evaluation;
using Xunit;

namespace Serverless.Learning.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    private const double Tolerance = 1e-9;
    private static readonly string[] Recommended = ["a", "b", "c", "d"];
    private static readonly HashSet<string> Relevant = ["b", "d", "e"];

    [Fact]
    public void Precision_counts_hits_in_the_top_k_over_k()
    {
        Assert.Equal(2.0 / 4, RankingMetrics.PrecisionAtK(Recommended, Relevant, 4), Tolerance);
        Assert.Equal(1.0 / 2, RankingMetrics.PrecisionAtK(Recommended, Relevant, 2), Tolerance);
        Assert.Equal(0.0, RankingMetrics.PrecisionAtK(Recommended, Relevant, 1), Tolerance);
    }

    [Fact]
    public void Precision_counts_missing_slots_of_a_short_list_as_misses()
    {
        Assert.Equal(1.0 / 10, RankingMetrics.PrecisionAtK(["b"], Relevant, 10), Tolerance);
    }

    [Fact]
    public void Recall_divides_hits_by_the_relevant_count()
    {
        Assert.Equal(2.0 / 3, RankingMetrics.RecallAtK(Recommended, Relevant, 4), Tolerance);
        Assert.Equal(1.0 / 3, RankingMetrics.RecallAtK(Recommended, Relevant, 3), Tolerance);
    }

    [Fact]
    public void Ndcg_matches_the_hand_computed_value()
    {
        // Hits at ranks 2 and 4: DCG = 1/log2(3) + 1/log2(5); ideal puts min(4, 3) = 3 hits first: 1 + 1/log2(3) + 1/2.
        var dcg = (1 / Math.Log2(3)) + (1 / Math.Log2(5));
        var ideal = 1 + (1 / Math.Log2(3)) + 0.5;
        Assert.Equal(dcg / ideal, RankingMetrics.NdcgAtK(Recommended, Relevant, 4), Tolerance);
        Assert.Equal(0.4981893, RankingMetrics.NdcgAtK(Recommended, Relevant, 4), 6);
    }

    [Fact]
    public void Ndcg_is_one_for_a_perfect_list_and_zero_without_hits()
    {
        Assert.Equal(1.0, RankingMetrics.NdcgAtK(["b", "d", "e", "x"], Relevant, 4), Tolerance);
        Assert.Equal(1.0, RankingMetrics.NdcgAtK(["d", "b"], Relevant, 2), Tolerance);
        Assert.Equal(0.0, RankingMetrics.NdcgAtK(["x", "y"], Relevant, 2), Tolerance);
    }

    [Fact]
    public void Average_precision_sums_precision_at_each_hit_over_min_k_relevant()
    {
        // Hits at 2 (P = 1/2) and 4 (P = 2/4), divided by min(4, 3) = 3.
        Assert.Equal((0.5 + 0.5) / 3, RankingMetrics.AveragePrecisionAtK(Recommended, Relevant, 4), Tolerance);

        // k = 2: one hit at rank 2 (P = 1/2), divided by min(2, 3) = 2.
        Assert.Equal(0.25, RankingMetrics.AveragePrecisionAtK(Recommended, Relevant, 2), Tolerance);
        Assert.Equal(1.0, RankingMetrics.AveragePrecisionAtK(["b", "d", "e"], Relevant, 3), Tolerance);
    }

    [Fact]
    public void Every_metric_is_zero_when_nothing_is_relevant()
    {
        var none = new HashSet<string>();
        Assert.Equal(0.0, RankingMetrics.PrecisionAtK(Recommended, none, 3));
        Assert.Equal(0.0, RankingMetrics.RecallAtK(Recommended, none, 3));
        Assert.Equal(0.0, RankingMetrics.NdcgAtK(Recommended, none, 3));
        Assert.Equal(0.0, RankingMetrics.AveragePrecisionAtK(Recommended, none, 3));
    }

    [Fact]
    public void A_duplicated_item_counts_once()
    {
        string[] duplicated = ["b", "b", "b"];
        Assert.Equal(1.0 / 3, RankingMetrics.PrecisionAtK(duplicated, Relevant, 3), Tolerance);
        Assert.Equal(1.0 / 3, RankingMetrics.RecallAtK(duplicated, Relevant, 3), Tolerance);
        Assert.Equal(1 / (1 + (1 / Math.Log2(3)) + 0.5), RankingMetrics.NdcgAtK(duplicated, Relevant, 3), Tolerance);
    }

    [Fact]
    public void Coverage_is_distinct_recommended_items_in_the_top_k_over_the_catalog()
    {
        IReadOnlyList<string>[] lists = [["a", "b"], ["b", "c"], []];
        Assert.Equal(3.0 / 10, RankingMetrics.CatalogCoverage(lists, 2, 10), Tolerance);
        Assert.Equal(2.0 / 10, RankingMetrics.CatalogCoverage(lists, 1, 10), Tolerance);
        Assert.Equal(0.0, RankingMetrics.CatalogCoverage(lists, 2, 0));
    }

    [Fact]
    public void K_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.NdcgAtK(Recommended, Relevant, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.CatalogCoverage([], 0, 5));
    }
}
