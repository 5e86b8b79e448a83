using Serverless.Domain.Profiles;
using Xunit;
using static Serverless.Domain.Tests.Support.Events;

namespace Serverless.Domain.Tests.Profiles;

public sealed class DecayedScoreTests
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(30);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(30, 0.5)]
    [InlineData(60, 0.25)]
    [InlineData(15, 0.70710678118654757)]
    public void The_decay_factor_halves_every_half_life(double days, double expected) =>
        Assert.Equal(expected, DecayedScore.DecayFactor(TimeSpan.FromDays(days), HalfLife), 12);

    [Fact]
    public void Adding_in_either_order_gives_the_same_value()
    {
        var forward = new DecayedScore(2, T0).Add(3, T0.AddDays(10), HalfLife).Add(-1, T0.AddDays(40), HalfLife);
        var backward = new DecayedScore(-1, T0.AddDays(40)).Add(3, T0.AddDays(10), HalfLife).Add(2, T0, HalfLife);

        Assert.Equal(forward.At, backward.At);
        Assert.Equal(forward.Score, backward.Score, 12);

        // Hand computed at T0+40d: 2 * 2^(-40/30) + 3 * 2^(-30/30) - 1.
        Assert.Equal((2 * Math.Pow(2, -4.0 / 3)) + 1.5 - 1, forward.Score, 12);
    }

    [Fact]
    public void Reading_before_At_does_not_grow_the_score_and_negative_sums_read_as_zero()
    {
        Assert.Equal(4, new DecayedScore(4, T0).ValueAt(T0.AddDays(-5), HalfLife));
        Assert.Equal(0, new DecayedScore(-3, T0).ValueAt(T0.AddDays(1), HalfLife));
    }
}
