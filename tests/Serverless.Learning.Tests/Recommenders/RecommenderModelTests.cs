using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Recommenders;

public sealed class RecommenderModelTests
{
    private static readonly RecommenderModel Model = new ItemKnnTrainer().Fit(TestInteractions.TwoGroups());

    [Fact]
    public void Exclusion_is_asked_only_about_items_that_could_enter_the_list_and_removes_them()
    {
        var asked = new List<string>();
        var result = Model.Recommend(TestInteractions.History("a1"), 2, item =>
        {
            asked.Add(item);
            return item is "a2";
        });

        Assert.DoesNotContain(result, s => s.ItemId == "a2");
        Assert.Equal(2, result.Count);
        Assert.Contains("a2", asked);
        Assert.True(asked.Count < Model.Items.Count);
    }

    [Fact]
    public void History_items_come_back_unless_excluded()
    {
        var history = TestInteractions.History("a1", "a2");

        Assert.Contains(Model.Recommend(history, 20), s => s.ItemId == "a1");
        Assert.DoesNotContain(Model.Recommend(history, 20, item => item is "a1" or "a2"), s => s.ItemId is "a1" or "a2");
    }

    [Fact]
    public void Repeated_history_items_are_summed_and_unknown_ones_ignored()
    {
        var summed = Model.Recommend([new WeightedItem("a1", 1), new WeightedItem("a1", 2), new WeightedItem("nope", 9)], 3);
        var single = Model.Recommend([new WeightedItem("a1", 3)], 3);

        Assert.Equal(single, summed);
    }

    [Fact]
    public void Lists_are_sorted_by_score_with_ties_broken_by_catalog_order()
    {
        var result = Model.Recommend(TestInteractions.History("a1"), 10);

        for (var r = 1; r < result.Count; r++)
        {
            Assert.True(result[r - 1].Score >= result[r].Score);
            if (result[r - 1].Score == result[r].Score)
            {
                Assert.True(string.CompareOrdinal(result[r - 1].ItemId, result[r].ItemId) < 0);
            }
        }
    }

    [Fact]
    public void Count_zero_and_bad_arguments()
    {
        Assert.Empty(Model.Recommend(TestInteractions.History("a1"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Recommend(TestInteractions.History("a1"), -1));
        Assert.Throws<ArgumentNullException>(() => Model.Recommend(null!, 1));
        Assert.True(Model.Contains("a1"));
        Assert.False(Model.Contains("zz"));
    }

    [Fact]
    public void Concurrent_scoring_gives_the_sequential_answers()
    {
        var models = new[]
        {
            Model,
            new ImplicitAlsTrainer(new() { Factors = 4, Iterations = 4 }).Fit(TestInteractions.TwoGroups()),
            new EaseTrainer(new() { Regularization = 3 }).Fit(TestInteractions.TwoGroups()),
        };
        var histories = Model.Items.Select(item => TestInteractions.History(item, "hit")).ToArray();
        foreach (var model in models)
        {
            var sequential = histories.Select(h => model.Recommend(h, 5)).ToArray();
            var concurrent = new IReadOnlyList<ScoredItem>[histories.Length * 20];
            Parallel.For(0, concurrent.Length, i => concurrent[i] = model.Recommend(histories[i % histories.Length], 5));
            for (var i = 0; i < concurrent.Length; i++)
            {
                Assert.Equal(sequential[i % histories.Length], concurrent[i]);
            }
        }
    }
}
