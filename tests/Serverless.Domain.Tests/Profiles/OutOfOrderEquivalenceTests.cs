using Serverless.Domain.Events;
using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;
using Serverless.Domain.Tests.Support;
using Xunit;

namespace Serverless.Domain.Tests.Profiles;

/// <summary>
/// Events arrive out of order and more than once. Applying a realistic history in any permutation (fixed seeds)
/// must give the same profile JSON as applying it in time order. Affinity sums are compared with a relative
/// tolerance of 1e-9 (floating-point addition is not associative); appliedEventIds, the ring of recent deliveries,
/// is compared as a set, because its order is the delivery order by definition.
/// </summary>
public sealed class OutOfOrderEquivalenceTests
{
    private static readonly ProfileOptions Options = new();
    private static readonly HashSet<string> UnorderedArrays = ["appliedEventIds"];

    private static UserProfile Apply(IEnumerable<BehaviorEvent> events)
    {
        var profile = new UserProfile { UserId = Support.Events.UserId };
        foreach (var e in events)
        {
            ProfileUpdater.Apply(profile, e, Options);
        }

        return profile;
    }

    private static List<BehaviorEvent> InTimeOrder(IEnumerable<BehaviorEvent> events) =>
        events.OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();

    public static TheoryData<int, int> Seeds()
    {
        var data = new TheoryData<int, int>();
        foreach (var history in new[] { 11, 12, 13 })
        {
            foreach (var permutation in Enumerable.Range(1, 8))
            {
                data.Add(history, permutation);
            }
        }

        return data;
    }

    [Fact]
    public void The_generated_history_is_realistic_and_fits_the_applied_event_ring()
    {
        foreach (var seed in new[] { 11, 12, 13 })
        {
            var events = RealisticHistory.Generate(seed);
            Assert.InRange(events.Count, 150, UserProfile.AppliedEventLimit);
            Assert.All(events, e => Assert.Empty(BehaviorEventValidator.Validate(e, e.OccurredAt)));
            Assert.Contains(events, e => e.Type == BehaviorEventType.Refund);
            Assert.Contains(events, e => e.Type == BehaviorEventType.Review);
            Assert.Contains(events, e => e.Type == BehaviorEventType.RemoveFromCart);
            Assert.True(events.Count(e => e.Type == BehaviorEventType.Purchase) >= 5);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Any_arrival_order_gives_the_in_order_profile(int historySeed, int permutationSeed)
    {
        var events = RealisticHistory.Generate(historySeed);
        var expected = Apply(InTimeOrder(events));
        var actual = Apply(RealisticHistory.Shuffle(events, permutationSeed));

        JsonEquivalence.AssertEquivalent(expected, actual, 1e-9, UnorderedArrays);

        // The derived block is a function of that state, so it agrees too.
        var asOf = events.Max(e => e.OccurredAt).AddDays(10);
        ProfileScorer.Score(expected, RfmThresholds.Default, Options, asOf);
        ProfileScorer.Score(actual, RfmThresholds.Default, Options, asOf);
        JsonEquivalence.AssertEquivalent(expected, actual, 1e-9, UnorderedArrays);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Redeliveries_mixed_into_a_permutation_change_nothing(int seed)
    {
        var events = RealisticHistory.Generate(seed);
        var expected = Apply(InTimeOrder(events));
        var random = new Random(seed);
        var withDuplicates = events.Concat(Enumerable.Range(0, 60).Select(_ => events[random.Next(events.Count)]));
        var actual = Apply(RealisticHistory.Shuffle(withDuplicates, seed));

        JsonEquivalence.AssertEquivalent(expected, actual, 1e-9, UnorderedArrays);
    }

    [Fact]
    public void The_comparison_detects_a_missing_event()
    {
        var events = RealisticHistory.Generate(31);
        var expected = Apply(events);
        var actual = Apply(events.Where(e => e.Type != BehaviorEventType.Refund));

        Assert.ThrowsAny<Exception>(() => JsonEquivalence.AssertEquivalent(expected, actual, 1e-9, UnorderedArrays));
    }
}
