using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Recommenders;

public sealed class ItemKnnTrainerTests
{
    // u1: a b, u2: a b, u3: a c. Item vectors over (u1, u2, u3): a = (1,1,1), b = (1,1,0), c = (0,0,1).
    private static readonly List<Interaction> Data =
        TestInteractions.Pairs(("u1", "a"), ("u1", "b"), ("u2", "a"), ("u2", "b"), ("u3", "a"), ("u3", "c"));

    [Fact]
    public void Cosine_similarity_matches_the_hand_computed_values()
    {
        var model = (ItemKnnModel)new ItemKnnTrainer().Fit(Data);

        Assert.Equal(2 / (Math.Sqrt(3) * Math.Sqrt(2)), model.Similarity("a", "b"), 6);
        Assert.Equal(1 / Math.Sqrt(3), model.Similarity("a", "c"), 6);
        Assert.Equal(model.Similarity("a", "b"), model.Similarity("b", "a"), 6);
        Assert.Equal(0.0, model.Similarity("b", "c"));
        Assert.Equal(0.0, model.Similarity("a", "a"));
    }

    [Fact]
    public void Scores_are_history_weighted_sums_of_similarities_with_the_top_contributor_as_reason()
    {
        var model = new ItemKnnTrainer().Fit(Data);

        var result = model.Recommend([new WeightedItem("b", 2), new WeightedItem("c", 1)], 5, item => item is "b" or "c");

        var item = Assert.Single(result);
        Assert.Equal("a", item.ItemId);
        Assert.Equal((2 * 2 / Math.Sqrt(6)) + (1 / Math.Sqrt(3)), item.Score, 5);
        Assert.Equal("b", item.BecauseOfItemId);
    }

    [Fact]
    public void Keeps_only_the_configured_number_of_neighbours()
    {
        var model = (ItemKnnModel)new ItemKnnTrainer(new() { Neighbors = 1 }).Fit(Data);

        Assert.True(model.Similarity("a", "b") > 0);
        Assert.Equal(0.0, model.Similarity("a", "c"));
    }

    [Fact]
    public void Bm25_weights_match_the_documented_formula()
    {
        const double k1 = 1.2, b = 0.75;
        var model = (ItemKnnModel)new ItemKnnTrainer(new() { Similarity = ItemSimilarity.Bm25, Bm25K1 = k1, Bm25B = b }).Fit(Data);

        // 3 items; user item counts u1 = u2 = u3 = 2; item user counts a = 3, b = 2, c = 1; average 2.
        var idf = Math.Log(1 + ((3 - 2 + 0.5) / (2 + 0.5)));
        double Weight(int length) => idf * (k1 + 1) / (1 + (k1 * (1 - b + (b * length / 2.0))));
        Assert.Equal(2 * Weight(3) * Weight(2), model.Similarity("a", "b"), 5);
        Assert.Equal(Weight(3) * Weight(1), model.Similarity("a", "c"), 5);
    }

    [Fact]
    public void Bm25_discounts_co_occurrence_through_a_heavy_user()
    {
        // x and y co-occur once through a light user; x and z once through a user who bought everything.
        var data = TestInteractions.Pairs(("light", "x"), ("light", "y"), ("heavy", "x"), ("heavy", "z"));
        data.AddRange(Enumerable.Range(0, 20).Select(i => new Interaction("heavy", $"filler{i}", TestInteractions.Start, 1)));
        data.AddRange(Enumerable.Range(0, 20).Select(i => new Interaction($"other{i}", $"filler{i}", TestInteractions.Start, 1)));

        var bm25 = (ItemKnnModel)new ItemKnnTrainer(new() { Similarity = ItemSimilarity.Bm25 }).Fit(data);

        Assert.True(bm25.Similarity("x", "y") > 2 * bm25.Similarity("x", "z"));
    }

    [Fact]
    public void Similar_never_returns_the_item_itself_and_names_it_as_the_reason()
    {
        var model = new ItemKnnTrainer().Fit(TestInteractions.TwoGroups());

        var similar = model.Similar("a1", 3);

        Assert.Equal(3, similar.Count);
        Assert.DoesNotContain(similar, s => s.ItemId == "a1");
        Assert.All(similar, s => Assert.Equal("a1", s.BecauseOfItemId));
        Assert.All(similar.Where(s => s.ItemId != "hit"), s => Assert.StartsWith("a", s.ItemId));
        Assert.Empty(model.Similar("unknown", 3));
    }

    [Fact]
    public void An_unknown_history_gives_an_empty_list()
    {
        var model = new ItemKnnTrainer().Fit(Data);
        Assert.Empty(model.Recommend(TestInteractions.History("unknown"), 5));
        Assert.Empty(model.Recommend([], 5));
    }

    [Fact]
    public void Validates_options_naming_them()
    {
        Assert.Contains("Neighbors", Assert.Throws<ArgumentOutOfRangeException>(() => new ItemKnnTrainer(new() { Neighbors = 0 })).Message);
        Assert.Contains("Bm25B", Assert.Throws<ArgumentOutOfRangeException>(() => new ItemKnnTrainer(new() { Bm25B = 2 })).Message);
        Assert.Contains("Bm25K1", Assert.Throws<ArgumentOutOfRangeException>(() => new ItemKnnTrainer(new() { Bm25K1 = 0 })).Message);
        Assert.Contains(
            "Similarity",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ItemKnnTrainer(new() { Similarity = (ItemSimilarity)9 })).Message);
    }
}
