using Microsoft.Extensions.Configuration;
using Serverless.Application.Recommendations;
using Serverless.Application.Training;
using Serverless.Domain.Events;
using Serverless.Learning.Evaluation;
using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Application.Tests.Recommendations;

public sealed class TrainingBuildingBlocksTests
{
    private static readonly DateTimeOffset Ten = new(2025, 2, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compaction_sums_repeats_per_user_product_and_kind_and_keeps_only_product_events()
    {
        var events = new[]
        {
            ClusteredShop.View("u", "A", "Kitchen", Ten.AddMinutes(5), "1"),
            ClusteredShop.View("u", "A", null, Ten.AddMinutes(40), "2"),
            ClusteredShop.Purchase("u", "A", null, Ten.AddMinutes(41), "o1") with { Lines = [new OrderLine { ProductId = "A", Quantity = 3, UnitPrice = 1 }, new OrderLine { ProductId = "B", Quantity = 1, UnitPrice = 1 }] },
            new BehaviorEvent { EventId = "s", UserId = "u", Type = BehaviorEventType.Search, OccurredAt = Ten, Query = "mug" },
            new BehaviorEvent { EventId = "r", UserId = "u", Type = BehaviorEventType.Refund, OccurredAt = Ten, OrderId = "o1", Amount = 1 },
        };

        var compacted = SnapshotCompaction.Compact(events);

        Assert.Equal(3, compacted.Count);
        var views = compacted.Single(i => i.ProductId == "A" && i.Kind == BehaviorEventType.View);
        Assert.Equal((2.0, 2, Ten.AddMinutes(40), "Kitchen"), (views.Amount, views.Count, views.At, views.Category));
        Assert.Equal(3.0, compacted.Single(i => i.ProductId == "A" && i.Kind == BehaviorEventType.Purchase).Amount);
    }

    [Fact]
    public void Trainer_settings_are_bound_recorded_with_defaults_and_rebuilt_from_the_record()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trainer"] = "blend",
            ["BlendComponents:0"] = "Ease",
            ["BlendComponents:1"] = "Popularity",
            ["Ease:Regularization"] = "12.5",
            ["Popularity:HalfLife"] = "7.00:00:00",
            ["Weighting:PurchaseWeight"] = "8",
        }).Build();

        var configured = RecommenderTrainerConfiguration.Create(section);
        var rebuilt = RecommenderTrainerConfiguration.Create(configured.Parameters);

        Assert.Equal(RecommenderTrainerKind.Blend, configured.Kind);
        Assert.IsType<BlendTrainer>(configured.Trainer);
        Assert.Equal("12.5", configured.Parameters["Ease:Regularization"]);
        Assert.Equal("7.00:00:00", configured.Parameters["Popularity:HalfLife"]);
        Assert.Equal("Ease", configured.Parameters["BlendComponents:0"]);
        Assert.Equal("30.00:00:00", configured.Parameters["Blend:ValidationWindow"]);
        Assert.Equal(8, configured.WeightingOptions.PurchaseWeight);
        Assert.Equal(configured.Parameters, rebuilt.Parameters);
    }

    [Theory]
    [InlineData("Trainer", "DeepLearning", "Trainer must be one of")]
    [InlineData("BlendComponents:0", "Blend", "BlendComponents")]
    public void Bad_trainer_settings_fail_naming_the_setting(string key, string value, string expected)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trainer"] = "Blend",
            ["BlendComponents:1"] = "ItemKnn",
            [key] = value,
        }).Build();

        var failure = Assert.Throws<InvalidOperationException>(() => RecommenderTrainerConfiguration.Create(section));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.20, 0.20, true, "not worse")]
    [InlineData(0.197, 0.20, true, "within the margin")]
    [InlineData(0.195, 0.20, false, "worse than the live model")]
    [InlineData(0.0, 0.0, true, "not worse")]
    public void The_gate_allows_a_relative_margin_below_the_live_ndcg(double candidate, double live, bool promote, string reason)
    {
        var verdict = PromotionGate.Decide(Metrics(candidate), Metrics(live), margin: 0.02);

        Assert.Equal(promote, verdict.Promote);
        Assert.StartsWith(reason, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Popularity_lists_decay_with_their_half_lives_and_split_by_segment_and_category()
    {
        var interactions = new[]
        {
            new Interaction("a", "old-hit", Ten.AddDays(-30), 10),
            new Interaction("b", "new-hit", Ten, 6),
            new Interaction("a", "other", Ten, 1),
        };

        var index = PopularityIndexBuilder.Build(
            interactions,
            new Dictionary<string, string> { ["old-hit"] = "Kitchen", ["new-hit"] = "Kitchen" },
            new Dictionary<string, string> { ["a"] = "loyal" },
            Ten,
            popularHalfLife: TimeSpan.FromDays(30),
            trendingHalfLife: TimeSpan.FromDays(3),
            listLength: 10);

        // 10 halved once (5) is below 6 on the popular list; on the trending list it is nearly gone.
        Assert.Equal(["new-hit", "old-hit", "other"], index.Popular.Select(i => i.ItemId));
        Assert.Equal(5, index.Popular[1].Score, 1e-9);
        Assert.Equal(10 * Math.Pow(0.5, 10), index.Trending.Single(i => i.ItemId == "old-hit").Score, 1e-12);
        Assert.Equal(["old-hit", "other"], index.PopularBySegment["loyal"].Select(i => i.ItemId));
        Assert.Equal(["new-hit", "old-hit"], index.TrendingIn("kitchen").Select(i => i.ItemId));
        Assert.False(index.ItemCategories.ContainsKey("other"));

        var roundTrip = PopularityIndex.Deserialize(PopularityIndex.Serialize(index));
        Assert.Equal(index.Popular, roundTrip.Popular);
        Assert.Equal(index.PopularBySegment["loyal"], roundTrip.PopularBySegment["loyal"]);
    }

    private static RecommenderMetrics Metrics(double ndcg) => new(10, 50, 0, 0, ndcg, 0, 0);
}
