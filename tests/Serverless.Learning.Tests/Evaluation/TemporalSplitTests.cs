using Serverless.Learning.Evaluation;
using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Evaluation;

public sealed class TemporalSplitTests
{
    private static readonly DateTimeOffset Cutoff = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static Interaction At(string user, string item, int daysFromCutoff, double weight = 1) =>
        new(user, item, Cutoff.AddDays(daysFromCutoff), weight);

    [Fact]
    public void Trains_before_the_cutoff_and_tests_items_new_to_the_user()
    {
        var split = TemporalSplit.Create(
            [
                At("u1", "a", -10, 2), At("u1", "a", -5, 3), At("u1", "b", -3),
                At("u1", "a", 1), // repeat purchase: not relevant
                At("u1", "c", 0), // at the cutoff: test side, new to u1
                At("u1", "c", 2), // same pair twice: counted once
                At("u2", "b", -1),
                At("u4", "c", -2), // makes c known to training
                At("u2", "z", 3), // unknown to training: dropped
                At("u3", "a", 4), // no history: cold user
            ],
            Cutoff);

        Assert.Equal(5, split.Train.Count);
        Assert.Equal(5, split.TestInteractions);
        Assert.Equal(3, split.CatalogSize);
        var user = Assert.Single(split.Users);
        Assert.Equal("u1", user.UserId);
        Assert.Equal(["c"], user.Relevant.Order());
        Assert.Equal([new WeightedItem("a", 5), new WeightedItem("b", 1)], user.History);
        Assert.Equal(1, split.RepeatPairs);
        Assert.Equal(1, split.UnknownItemPairs);
        Assert.Equal(1, split.UsersWithoutHistory);
    }

    [Fact]
    public void Evaluates_external_lists_with_missing_users_as_empty()
    {
        var split = TemporalSplit.Create(
            [At("u1", "a", -2), At("u1", "b", 1), At("u2", "a", -2), At("u2", "c", -1), At("u2", "b", 1), At("u3", "b", -3)],
            Cutoff);
        var lists = new Dictionary<string, IReadOnlyList<string>> { ["u1"] = ["b", "c"] };

        var metrics = RecommenderEvaluator.Evaluate(lists, split, 2);

        Assert.Equal(2, metrics.Users);
        Assert.Equal((1.0 + 0.0) / 2, metrics.Ndcg, 9);
        Assert.Equal((0.5 + 0.0) / 2, metrics.Precision, 9);
        Assert.Equal(2.0 / 3, metrics.Coverage, 9);
    }

    [Fact]
    public void Evaluating_a_model_excludes_the_training_history()
    {
        // Popularity would put "a" first; a is in both users' history, so the lists start with b.
        var split = TemporalSplit.Create(
            [
                At("u1", "a", -9), At("u2", "a", -8), At("u3", "a", -7), At("u3", "b", -6), At("u4", "b", -5), At("u4", "c", -4),
                At("u1", "b", 1), At("u2", "c", 1),
            ],
            Cutoff);
        var model = new TimeDecayedPopularityTrainer().Fit(split.Train);

        var metrics = RecommenderEvaluator.Evaluate(model, split, 1);

        Assert.Equal(2, metrics.Users);
        Assert.Equal(0.5, metrics.Precision, 9);
        Assert.Equal(1.0 / 3, metrics.Coverage, 9);
    }
}
