using Serverless.Domain.Profiles;
using Serverless.Domain.Tests.Support;
using Xunit;
using static Serverless.Domain.Tests.Support.Events;

namespace Serverless.Domain.Tests.Profiles;

public sealed class ProfileUpdaterTests
{
    private static readonly ProfileOptions Options = new();

    private static UserProfile NewProfile() => new() { UserId = UserId };

    private static UserProfile ApplyAll(params Serverless.Domain.Events.BehaviorEvent[] events)
    {
        var profile = NewProfile();
        foreach (var e in events)
        {
            ProfileUpdater.Apply(profile, e, Options);
        }

        return profile;
    }

    [Fact]
    public void Counts_events_by_wire_type_and_tracks_first_and_last_seen_as_min_and_max()
    {
        var profile = ApplyAll(
            View("e1", T0.AddHours(2)),
            View("e2", T0),
            Cart("e3", T0.AddHours(1), "p1", 1),
            Search("e4", T0.AddHours(-1), "boots"));

        Assert.Equal(2, profile.EventCounts["view"]);
        Assert.Equal(1, profile.EventCounts["add_to_cart"]);
        Assert.Equal(1, profile.EventCounts["search"]);
        Assert.Equal(T0.AddHours(-1), profile.FirstSeen);
        Assert.Equal(T0.AddHours(2), profile.LastSeen);
    }

    [Fact]
    public void A_repeated_event_id_changes_nothing()
    {
        var profile = ApplyAll(View("e1", T0), Purchase("e2", T0, "o1", Line("p1", 2, 10m)));
        var before = System.Text.Json.JsonSerializer.Serialize(profile, Serverless.Domain.Json.DomainJson.Options);

        Assert.False(ProfileUpdater.Apply(profile, Purchase("e2", T0, "o1", Line("p1", 2, 10m)), Options));
        Assert.False(ProfileUpdater.Apply(profile, View("e1", T0), Options));

        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(profile, Serverless.Domain.Json.DomainJson.Options));
    }

    [Fact]
    public void Revenue_is_the_sum_of_line_totals_and_aggregates_come_from_the_ledger()
    {
        var profile = ApplyAll(
            Purchase("e1", T0, "o1", Line("p1", 2, 10m), Line("p2", 1, 5.5m)),
            Purchase("e2", T0.AddDays(10), "o2", Line("p3", 1, 100m)),
            Purchase("e3", T0.AddDays(30), "o3", Line("p4", 3, 1m)));

        Assert.Equal(3, profile.OrderCount);
        Assert.Equal(25.5m + 100m + 3m, profile.GrossRevenue);
        Assert.Equal(0m, profile.RefundedAmount);
        Assert.Equal(128.5m, profile.NetRevenue);
        Assert.Equal(42.83m, profile.AverageOrderValue);
        Assert.Equal(T0, profile.FirstPurchaseAt);
        Assert.Equal(T0.AddDays(30), profile.LastPurchaseAt);
        Assert.Equal(15.0, profile.MeanDaysBetweenPurchases!.Value, 10);
        Assert.Equal("EUR", profile.Currency);
        Assert.Equal(["o1", "o2", "o3"], profile.Purchases.Select(p => p.OrderId));
    }

    [Fact]
    public void A_second_purchase_event_for_the_same_order_is_counted_once()
    {
        var profile = ApplyAll(
            Purchase("e1", T0, "o1", Line("p1", 2, 10m)),
            Purchase("e2", T0.AddMinutes(5), "o1", Line("p1", 2, 10m)));

        Assert.Equal(1, profile.OrderCount);
        Assert.Equal(20m, profile.GrossRevenue);
        Assert.Equal(T0, profile.LastPurchaseAt);
        Assert.Equal(2, profile.EventCounts["purchase"]);
    }

    [Fact]
    public void A_refund_before_its_purchase_is_kept_but_is_not_an_order_until_the_purchase_arrives()
    {
        var profile = ApplyAll(Refund("e1", T0.AddDays(3), "o1", 4m));

        Assert.Equal(0, profile.OrderCount);
        Assert.Equal(0m, profile.GrossRevenue);
        Assert.Equal(0m, profile.RefundedAmount);
        Assert.Null(profile.LastPurchaseAt);
        var pending = Assert.Single(profile.Purchases);
        Assert.False(pending.Purchased);
        Assert.Equal(4m, pending.Refunded);

        ProfileUpdater.Apply(profile, Purchase("e2", T0, "o1", Line("p1", 1, 10m)), Options);

        Assert.Equal(1, profile.OrderCount);
        Assert.Equal(10m, profile.GrossRevenue);
        Assert.Equal(4m, profile.RefundedAmount);
        Assert.Equal(6m, profile.NetRevenue);
        Assert.Equal(6m, profile.AverageOrderValue);
        Assert.Equal(T0, profile.LastPurchaseAt);
    }

    [Fact]
    public void Refunds_add_up_and_count_at_most_the_order_amount()
    {
        var profile = ApplyAll(
            Purchase("e1", T0, "o1", Line("p1", 1, 10m)),
            Refund("e2", T0.AddDays(1), "o1", 4m),
            Refund("e3", T0.AddDays(2), "o1", 3m));
        Assert.Equal(7m, profile.RefundedAmount);
        Assert.Equal(3m, profile.NetRevenue);

        ProfileUpdater.Apply(profile, Refund("e4", T0.AddDays(3), "o1", 50m), Options);
        Assert.Equal(10m, profile.RefundedAmount);
        Assert.Equal(0m, profile.NetRevenue);
    }

    [Fact]
    public void Cart_keeps_deltas_and_a_purchase_clears_older_ones()
    {
        var profile = ApplyAll(
            Cart("e1", T0, "p1", 2),
            Cart("e2", T0.AddMinutes(1), "p1", 1, add: false),
            Cart("e3", T0.AddMinutes(2), "p2", 4));
        Assert.Equal(1, profile.Cart["p1"].Quantity);
        Assert.Equal(4, profile.Cart["p2"].Quantity);

        ProfileUpdater.Apply(profile, Purchase("e4", T0.AddMinutes(10), "o1", Line("p1", 1, 10m)), Options);
        Assert.Equal(0, profile.Cart["p1"].Quantity);
        Assert.Empty(profile.Cart["p1"].Deltas);
        Assert.Equal(T0.AddMinutes(10), profile.Cart["p1"].ClearedAt);

        // A late add from before the purchase stays cleared; a later one counts.
        ProfileUpdater.Apply(profile, Cart("e5", T0.AddMinutes(5), "p1", 7), Options);
        Assert.Equal(0, profile.Cart["p1"].Quantity);
        ProfileUpdater.Apply(profile, Cart("e6", T0.AddMinutes(20), "p1", 3), Options);
        Assert.Equal(3, profile.Cart["p1"].Quantity);
    }

    [Fact]
    public void Cart_quantity_never_goes_below_zero() =>
        Assert.Equal(0, ApplyAll(Cart("e1", T0, "p1", 1), Cart("e2", T0.AddMinutes(1), "p1", 5, add: false)).Cart["p1"].Quantity);

    [Fact]
    public void Recent_items_keep_the_newest_50_newest_first()
    {
        var events = Enumerable.Range(0, 60).Select(i => View($"e{i:00}", T0.AddMinutes(i), $"p{i}")).Reverse().ToArray();
        var profile = ApplyAll(events);

        Assert.Equal(UserProfile.RecentItemLimit, profile.RecentItems.Count);
        Assert.Equal("p59", profile.RecentItems[0].ProductId);
        Assert.Equal("p10", profile.RecentItems[^1].ProductId);
        Assert.Equal("view", profile.RecentItems[0].Action);
    }

    [Fact]
    public void Recent_items_break_time_ties_by_event_id()
    {
        var profile = ApplyAll(View("b", T0, "p2"), View("a", T0, "p1"), View("c", T0.AddSeconds(-1), "p3"));
        Assert.Equal(["a", "b", "c"], profile.RecentItems.Select(i => i.EventId));
    }

    [Fact]
    public void Recent_searches_keep_the_newest_20_distinct_queries()
    {
        var events = Enumerable.Range(0, 25).Select(i => Search($"s{i:00}", T0.AddMinutes(i), $"q{i % 22}")).ToArray();
        var profile = ApplyAll(events);

        Assert.Equal(UserProfile.RecentSearchLimit, profile.SearchHistory.Count);
        Assert.Equal("q2", profile.RecentSearches[0]);
        Assert.Equal(profile.RecentSearches.Distinct().Count(), profile.RecentSearches.Count);
        Assert.Equal(["q2", "q1", "q0", "q21", "q20"], profile.RecentSearches.Take(5));
    }

    [Fact]
    public void Reviews_count_and_average_exactly()
    {
        var profile = ApplyAll(Review("r1", T0, "p1", 5), Review("r2", T0, "p2", 2), Review("r3", T0, "p3", 4));
        Assert.Equal(3, profile.ReviewCount);
        Assert.Equal(11, profile.RatingSum);
        Assert.Equal(11.0 / 3, profile.AverageRating!.Value, 12);
    }

    [Fact]
    public void Affinity_decays_with_the_half_life_for_events_in_either_order()
    {
        // Hand computed with a 30-day half-life: 1 at T0, 1 at T0+30d -> 1 * 0.5 + 1 = 1.5 at T0+30d;
        // then an add_to_cart (3) at T0+15d adds 3 * 2^(-15/30) = 2.1213203435596424.
        var profile = ApplyAll(View("e1", T0), View("e2", T0.AddDays(30)));
        var score = profile.CategoryAffinity["shoes"];
        Assert.Equal(T0.AddDays(30), score.At);
        Assert.Equal(1.5, score.Score, 12);

        ProfileUpdater.Apply(profile, Cart("e3", T0.AddDays(15), "p1", 1), Options);
        score = profile.CategoryAffinity["shoes"];
        Assert.Equal(T0.AddDays(30), score.At);
        Assert.Equal(1.5 + (3 * Math.Pow(2, -0.5)), score.Score, 12);
        Assert.Equal((1.5 + (3 * Math.Pow(2, -0.5))) / 4, score.ValueAt(T0.AddDays(90), Options.AffinityHalfLife), 12);
        Assert.Equal(1.5, profile.BrandAffinity["acme"].Score, 12);
    }

    [Fact]
    public void Negative_weights_are_summed_and_floored_only_when_read()
    {
        var profile = ApplyAll(Cart("e1", T0, "p1", 1, add: false), Cart("e2", T0, "p1", 1, add: false), View("e3", T0));
        var score = profile.CategoryAffinity["shoes"];
        Assert.Equal(-1.0, score.Score, 12);
        Assert.Equal(0, score.ValueAt(T0, Options.AffinityHalfLife));
    }

    [Fact]
    public void Review_weight_follows_the_rating()
    {
        var profile = ApplyAll(Review("r1", T0, "p1", 5, "books"), Review("r2", T0, "p2", 3, "games"), Review("r3", T0, "p3", 1, "toys"));
        Assert.Equal(2.0, profile.CategoryAffinity["books"].Score, 12);
        Assert.False(profile.CategoryAffinity.ContainsKey("games"));
        Assert.Equal(-2.0, profile.CategoryAffinity["toys"].Score, 12);
    }

    [Fact]
    public void The_applied_event_ring_is_bounded()
    {
        var events = Enumerable.Range(0, UserProfile.AppliedEventLimit + 10).Select(i => View($"e{i}", T0)).ToArray();
        var profile = ApplyAll(events);

        Assert.Equal(UserProfile.AppliedEventLimit, profile.AppliedEventIds.Count);
        Assert.Equal("e10", profile.AppliedEventIds[0]);
        Assert.Equal($"e{UserProfile.AppliedEventLimit + 9}", profile.AppliedEventIds[^1]);
    }

    [Fact]
    public void An_event_of_another_user_is_refused() =>
        Assert.Throws<ArgumentException>(() => ProfileUpdater.Apply(NewProfile(), View("e1", T0) with { UserId = "other" }, Options));
}
