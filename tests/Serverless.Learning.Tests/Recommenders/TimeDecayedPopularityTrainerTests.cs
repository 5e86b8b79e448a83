using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Recommenders;

public sealed class TimeDecayedPopularityTrainerTests
{
    [Fact]
    public void Halves_an_interaction_per_half_life_of_age()
    {
        var now = TestInteractions.Start.AddDays(100);
        var model = (PopularityModel)new TimeDecayedPopularityTrainer(new() { HalfLife = TimeSpan.FromDays(10) }).Fit(
        [
            new Interaction("u1", "fresh", now, 1),
            new Interaction("u2", "old", now.AddDays(-10), 1),
            new Interaction("u3", "old", now.AddDays(-20), 2),
            new Interaction("u4", "heavy", now.AddDays(-30), 4),
        ]);

        Assert.Equal(1.0, model.Popularity("fresh"), 6);
        Assert.Equal(0.5 + (2 * 0.25), model.Popularity("old"), 6);
        Assert.Equal(4 * 0.125, model.Popularity("heavy"), 6);
        Assert.Equal(0.0, model.Popularity("unknown"));
    }

    [Fact]
    public void Gives_everyone_the_same_list_without_reasons()
    {
        var model = new TimeDecayedPopularityTrainer().Fit(TestInteractions.Pairs(("u1", "a"), ("u2", "a"), ("u3", "b")));

        var forNobody = model.Recommend([], 5);
        var forSomeone = model.Recommend(TestInteractions.History("b"), 5);

        Assert.False(model.IsPersonalized);
        Assert.Equal(["a", "b"], forNobody.Select(s => s.ItemId));
        Assert.Equal(forNobody, forSomeone);
        Assert.All(forNobody, s => Assert.Null(s.BecauseOfItemId));
    }

    [Fact]
    public void A_later_reference_time_does_not_change_the_ranking_but_the_scale()
    {
        var data = TestInteractions.Pairs(("u1", "a"), ("u2", "b"), ("u3", "b"));
        var options = new TimeDecayedPopularityTrainer.Options
        {
            HalfLife = TimeSpan.FromDays(1),
            ReferenceTime = TestInteractions.Start.AddDays(3),
        };

        var model = (PopularityModel)new TimeDecayedPopularityTrainer(options).Fit(data);

        // a at day 0 (age 3), b at days 1 and 2 (ages 2 and 1).
        Assert.Equal(0.125, model.Popularity("a"), 9);
        Assert.Equal(0.25 + 0.5, model.Popularity("b"), 9);
    }

    [Fact]
    public void Rejects_a_non_positive_half_life_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new TimeDecayedPopularityTrainer(new() { HalfLife = TimeSpan.Zero }));
        Assert.Equal("options", error.ParamName);
        Assert.Contains(nameof(TimeDecayedPopularityTrainer.Options.HalfLife), error.Message);
    }

    [Fact]
    public void Rejects_empty_and_invalid_interactions()
    {
        var trainer = new TimeDecayedPopularityTrainer();
        Assert.Throws<ArgumentException>(() => trainer.Fit([]));
        var negative = Assert.Throws<ArgumentException>(
            () => trainer.Fit([new Interaction("u", "i", TestInteractions.Start, -1)]));
        Assert.Contains("Weight", negative.Message);
        Assert.Throws<ArgumentException>(() => trainer.Fit([new Interaction("", "i", TestInteractions.Start, 1)]));
        Assert.Throws<ArgumentException>(() => trainer.Fit([new Interaction("u", "i", TestInteractions.Start, double.NaN)]));
    }
}
