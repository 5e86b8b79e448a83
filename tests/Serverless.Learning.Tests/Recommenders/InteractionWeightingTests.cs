using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Recommenders;

public sealed class InteractionWeightingTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_single_event_weighs_its_kind_and_quantity_grows_logarithmically()
    {
        var weighting = new InteractionWeighting();

        Assert.Equal(1.0, weighting.Weigh(InteractionKind.View, 0, Now, Now), 12);
        Assert.Equal(3.0, weighting.Weigh(InteractionKind.AddToCart, 1, Now, Now), 12);
        Assert.Equal(5.0, weighting.Weigh(InteractionKind.Purchase, 1, Now, Now), 12);
        Assert.Equal(5.0 * 2, weighting.Weigh(InteractionKind.Purchase, 3, Now, Now), 12); // log2(1 + 3) = 2
    }

    [Fact]
    public void A_half_life_halves_the_weight_per_period_of_age()
    {
        var weighting = new InteractionWeighting(new() { HalfLife = TimeSpan.FromDays(7) });

        Assert.Equal(2.5, weighting.Weigh(InteractionKind.Purchase, 1, Now.AddDays(-7), Now), 12);
        Assert.Equal(0.25, weighting.Weigh(InteractionKind.View, 1, Now.AddDays(-14), Now), 12);
        Assert.Equal(1.0, weighting.Weigh(InteractionKind.View, 1, Now.AddDays(3), Now), 12);
    }

    [Fact]
    public void Create_builds_the_weighted_interaction()
    {
        var interaction = new InteractionWeighting().Create("u", "i", InteractionKind.AddToCart, 1, Now, Now);

        Assert.Equal(new Interaction("u", "i", Now, 3), interaction);
    }

    [Fact]
    public void Validates_options_naming_them()
    {
        Assert.Contains(
            "PurchaseWeight", Assert.Throws<ArgumentOutOfRangeException>(() => new InteractionWeighting(new() { PurchaseWeight = -1 })).Message);
        Assert.Contains(
            "HalfLife",
            Assert.Throws<ArgumentOutOfRangeException>(() => new InteractionWeighting(new() { HalfLife = TimeSpan.Zero })).Message);
    }
}
