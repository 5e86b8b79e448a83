using System.Globalization;
using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Recommenders;

public sealed class BlendTrainerTests
{
    [Fact]
    public void The_grid_lists_every_weight_vector_summing_to_the_steps_once()
    {
        var grid = BlendTrainer.Grid(3, 4).ToArray();

        Assert.Equal(15, grid.Length); // C(4 + 2, 2)
        Assert.All(grid, g => Assert.Equal(4, g.Sum()));
        Assert.Equal(grid.Length, grid.Select(g => string.Join(",", g)).Distinct().Count());
        Assert.Equal([4, 0, 0], grid[0]);
        Assert.Equal([0, 0, 4], grid[^1]);
    }

    [Fact]
    public void Chooses_weights_on_the_validation_window_and_drops_useless_components()
    {
        // Validation users (last 30 days) each buy the missing item of their group: item-kNN finds it, popularity cannot.
        var data = TestInteractions.TwoGroups();
        var late = data.Max(i => i.Timestamp).AddDays(60);
        data.Add(new Interaction("ga-1", "a2", late, 1));
        data.Add(new Interaction("gb-2", "b3", late, 1));
        data.Add(new Interaction("ga-6", "a3", late.AddDays(1), 1));
        var trainer = new BlendTrainer(new()
        {
            Components = [new TimeDecayedPopularityTrainer(), new ItemKnnTrainer()],
            ValidationWindow = TimeSpan.FromDays(30),
            K = 1,
        });

        var model = (BlendModel)trainer.Fit(data);

        var knnWeight = double.Parse(model.Parameters["Weight[1].item-knn"], CultureInfo.InvariantCulture);
        Assert.True(knnWeight > 0);
        Assert.Equal(1.0, double.Parse(model.Parameters["ValidationNdcg"], CultureInfo.InvariantCulture), 6);
        Assert.Contains(model.Components, c => c is ItemKnnModel);
        Assert.Equal(model.Components.Count, model.Weights.Count);
        Assert.All(model.Weights, w => Assert.True(w > 0));
        var result = model.Recommend(TestInteractions.History("b1", "b2", "b4", "hit"), 1, i => i is "b1" or "b2" or "b4" or "hit");
        Assert.Equal("b3", result[0].ItemId);
        Assert.StartsWith("b", result[0].BecauseOfItemId);
    }

    [Fact]
    public void A_blend_with_popularity_answers_an_empty_history_and_one_without_does_not()
    {
        var data = TestInteractions.TwoGroups();
        var popularity = new TimeDecayedPopularityTrainer().Fit(data);
        var knn = new ItemKnnTrainer().Fit(data);
        var withPopularity = new BlendModel([knn, popularity], [0.7f, 0.3f], new Dictionary<string, string>());
        var withoutPopularity = new BlendModel([knn, new EaseTrainer().Fit(data)], [0.5f, 0.5f], new Dictionary<string, string>());

        var cold = withPopularity.Recommend([], 2);

        Assert.True(withPopularity.IsPersonalized);
        Assert.Equal("hit", cold[0].ItemId);
        Assert.Null(cold[0].BecauseOfItemId);
        Assert.Empty(withoutPopularity.Recommend([], 2));
    }

    [Fact]
    public void Fails_clearly_when_the_validation_window_has_no_user_with_history()
    {
        var trainer = new BlendTrainer(new() { Components = [new TimeDecayedPopularityTrainer(), new ItemKnnTrainer()] });

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(TestInteractions.Pairs(("u1", "a"), ("u2", "b"))));

        Assert.Contains("ValidationWindow", error.Message);
    }

    [Fact]
    public void Validates_options_naming_them()
    {
        Assert.Contains("Components", Assert.Throws<ArgumentException>(() => new BlendTrainer(new())).Message);
        var components = new IRecommenderTrainer[] { new TimeDecayedPopularityTrainer(), new ItemKnnTrainer() };
        Assert.Contains(
            "WeightSteps",
            Assert.Throws<ArgumentOutOfRangeException>(() => new BlendTrainer(new() { Components = components, WeightSteps = 0 })).Message);
        Assert.Contains(
            "ValidationWindow",
            Assert.Throws<ArgumentOutOfRangeException>(
                () => new BlendTrainer(new() { Components = components, ValidationWindow = TimeSpan.Zero })).Message);
    }
}
