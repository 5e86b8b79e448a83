using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;
using Xunit;
using static Serverless.Domain.Tests.Support.Events;

namespace Serverless.Domain.Tests.Profiles;

public sealed class ProfileScorerTests
{
    private static readonly ProfileOptions Options = new();

    private static UserProfile WithOrdersAt(params DateTimeOffset[] times)
    {
        var profile = new UserProfile { UserId = UserId };
        for (var i = 0; i < times.Length; i++)
        {
            ProfileUpdater.Apply(profile, Purchase($"e{i}", times[i], $"o{i}", Line("p1", 1, 10m)), Options);
        }

        return profile;
    }

    private static LifecycleStage Stage(UserProfile profile, DateTimeOffset asOf) => ProfileScorer.LifecycleOf(profile, Options, asOf);

    [Fact]
    public void Without_a_purchase_a_user_is_new() => Assert.Equal(LifecycleStage.New, Stage(WithOrdersAt(), T0));

    [Fact]
    public void One_order_is_new_up_to_and_including_NewCustomerDays()
    {
        var profile = WithOrdersAt(T0);
        Assert.Equal(LifecycleStage.New, Stage(profile, T0.AddDays(30)));
        Assert.Equal(LifecycleStage.Active, Stage(profile, T0.AddDays(30).AddMinutes(1)));
        Assert.Equal(LifecycleStage.AtRisk, Stage(profile, T0.AddDays(100)));
    }

    [Fact]
    public void Two_orders_are_never_new()
    {
        Assert.Equal(LifecycleStage.Active, Stage(WithOrdersAt(T0, T0.AddDays(1)), T0.AddDays(2)));
    }

    [Fact]
    public void Active_at_risk_and_churned_switch_after_ActiveDays_and_ChurnDays()
    {
        var profile = WithOrdersAt(T0.AddDays(-10), T0);
        Assert.Equal(LifecycleStage.Active, Stage(profile, T0.AddDays(90)));
        Assert.Equal(LifecycleStage.AtRisk, Stage(profile, T0.AddDays(90).AddMinutes(1)));
        Assert.Equal(LifecycleStage.AtRisk, Stage(profile, T0.AddDays(180)));
        Assert.Equal(LifecycleStage.Churned, Stage(profile, T0.AddDays(180).AddMinutes(1)));
    }

    [Fact]
    public void Buying_again_after_a_gap_longer_than_ChurnDays_is_reactivation_while_active()
    {
        var reactivated = WithOrdersAt(T0, T0.AddDays(181));
        Assert.Equal(LifecycleStage.Reactivated, Stage(reactivated, T0.AddDays(191)));
        Assert.Equal(LifecycleStage.Reactivated, Stage(reactivated, T0.AddDays(181 + 90)));
        Assert.Equal(LifecycleStage.AtRisk, Stage(reactivated, T0.AddDays(181 + 91)));

        var gapOfExactlyChurnDays = WithOrdersAt(T0, T0.AddDays(180));
        Assert.Equal(LifecycleStage.Active, Stage(gapOfExactlyChurnDays, T0.AddDays(190)));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(30, 5)]
    [InlineData(30.001, 4)]
    [InlineData(90, 4)]
    [InlineData(180, 3)]
    [InlineData(365, 2)]
    [InlineData(365.001, 1)]
    public void Recency_at_a_cut_point_goes_to_the_bucket_of_smaller_values(double days, int expected) =>
        Assert.Equal(expected, ProfileScorer.RecencyScore(days, RfmThresholds.Default.RecencyDays));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    [InlineData(6, 5)]
    public void Frequency_at_a_cut_point_goes_to_the_lower_score(int orders, int expected) =>
        Assert.Equal(expected, ProfileScorer.AscendingScore(orders, RfmThresholds.Default.Frequency));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(50, 1)]
    [InlineData(50.01, 2)]
    [InlineData(150, 2)]
    [InlineData(400, 3)]
    [InlineData(1000, 4)]
    [InlineData(1000.01, 5)]
    public void Monetary_at_a_cut_point_goes_to_the_lower_score(double net, int expected) =>
        Assert.Equal(expected, ProfileScorer.AscendingScore(net, RfmThresholds.Default.Monetary));

    [Fact]
    public void A_user_without_purchase_is_a_prospect_with_recency_since_last_seen()
    {
        var profile = new UserProfile { UserId = UserId };
        ProfileUpdater.Apply(profile, View("v1", T0), Options);

        var outcome = ProfileScorer.Score(profile, RfmThresholds.Default, Options, T0.AddDays(2));

        Assert.True(outcome.SegmentChanged);
        Assert.Null(outcome.PreviousSegmentId);
        Assert.Equal(RfmSegments.ProspectsId, profile.SegmentId);
        Assert.Null(profile.Rfm);
        Assert.Equal(2.0, profile.RecencyDays!.Value, 10);
        Assert.Equal(T0.AddDays(2), profile.SegmentSince);
        Assert.Equal(T0.AddDays(2), profile.ScoredAt);
    }

    [Fact]
    public void A_purchaser_is_scored_and_classified_and_reports_the_segment_it_left()
    {
        var profile = new UserProfile { UserId = UserId };
        ProfileUpdater.Apply(profile, View("v1", T0), Options);
        ProfileScorer.Score(profile, RfmThresholds.Default, Options, T0);
        ProfileUpdater.Apply(profile, Purchase("e1", T0, "o1", Line("p1", 1, 200m)), Options);
        ProfileUpdater.Apply(profile, Purchase("e2", T0.AddDays(1), "o2", Line("p1", 1, 300m)), Options);

        var outcome = ProfileScorer.Score(profile, RfmThresholds.Default, Options, T0.AddDays(11));

        // Recency 10 days -> R5; 2 orders -> F2; 500 -> M4; FM = round-half-up(3) = 3 -> potential loyalists.
        Assert.Equal(new RfmScore(10, 2, 500m, 5, 2, 4), profile.Rfm);
        Assert.Equal(RfmSegments.ProspectsId, outcome.PreviousSegmentId);
        Assert.Equal("potential-loyalists", outcome.SegmentId);
        Assert.Equal(T0.AddDays(11), profile.SegmentSince);

        var again = ProfileScorer.Score(profile, RfmThresholds.Default, Options, T0.AddDays(12));
        Assert.False(again.SegmentChanged);
        Assert.Equal(T0.AddDays(11), profile.SegmentSince);
    }
}
