using Serverless.Domain.Segments;

namespace Serverless.Domain.Profiles;

/// <summary>
/// Computes the derived block of a profile (recency, lifecycle, RFM, segment) as of a given time. A pure function of
/// the stored, order-independent state, the thresholds, the options and the time.
/// </summary>
/// <remarks>
/// Windows are inclusive: "within N days" means at most N days (a last purchase exactly <c>ActiveDays</c> ago is
/// still active). A value equal to an RFM cut point goes to the bucket of smaller values: the buckets are
/// (-inf, c1], (c1, c2], (c2, c3], (c3, c4], (c4, +inf).
/// </remarks>
public static class ProfileScorer
{
    public static ScoringOutcome Score(UserProfile profile, RfmThresholds thresholds, ProfileOptions options, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(options);

        var previous = profile.SegmentId;
        profile.ScoredAt = asOf;

        // Recency counts days since the last purchase; a user who never bought gets the days since they were last
        // seen instead (informational only: such users are prospects and have no RFM score).
        var reference = profile.LastPurchaseAt ?? profile.LastSeen;
        profile.RecencyDays = reference is { } at ? DaysBetween(at, asOf) : null;
        profile.Lifecycle = LifecycleOf(profile, options, asOf);

        string segmentId;
        if (profile.OrderCount > 0 && profile.LastPurchaseAt is not null)
        {
            var recency = profile.RecencyDays!.Value;
            var r = RecencyScore(recency, thresholds.RecencyDays);
            var f = AscendingScore(profile.OrderCount, thresholds.Frequency);
            var m = AscendingScore((double)profile.NetRevenue, thresholds.Monetary);
            profile.Rfm = new RfmScore(recency, profile.OrderCount, profile.NetRevenue, r, f, m);
            segmentId = RfmSegments.Classify(r, f, m).Id;
        }
        else
        {
            profile.Rfm = null;
            segmentId = RfmSegments.ProspectsId;
        }

        if (!string.Equals(previous, segmentId, StringComparison.Ordinal))
        {
            profile.PreviousSegmentId = previous;
            profile.SegmentId = segmentId;
            profile.SegmentSince = asOf;
        }

        return new ScoringOutcome(previous, segmentId);
    }

    /// <summary>The lifecycle stage at <paramref name="asOf"/> from the purchase ledger.</summary>
    public static LifecycleStage LifecycleOf(UserProfile profile, ProfileOptions options, DateTimeOffset asOf)
    {
        var orders = profile.Purchases.Where(p => p.Purchased).Select(p => p.At).Order().ToList();
        if (orders.Count == 0)
        {
            return LifecycleStage.New;
        }

        var sinceFirst = DaysBetween(orders[0], asOf);
        if (orders.Count == 1 && sinceFirst <= options.NewCustomerDays)
        {
            return LifecycleStage.New;
        }

        var recency = DaysBetween(orders[^1], asOf);
        if (recency <= options.ActiveDays)
        {
            var gapBeforeLast = orders.Count >= 2 ? (orders[^1] - orders[^2]).TotalDays : 0;
            return gapBeforeLast > options.ChurnDays ? LifecycleStage.Reactivated : LifecycleStage.Active;
        }

        return recency <= options.ChurnDays ? LifecycleStage.AtRisk : LifecycleStage.Churned;
    }

    /// <summary>R score: fewer days is better, so a recency at or below the first cut point scores 5.</summary>
    public static int RecencyScore(double recencyDays, IReadOnlyList<double> cutPoints) => 6 - AscendingScore(recencyDays, cutPoints);

    /// <summary>F and M scores: 1 at or below the first cut point, 5 above the last.</summary>
    public static int AscendingScore(double value, IReadOnlyList<double> cutPoints)
    {
        ArgumentNullException.ThrowIfNull(cutPoints);
        if (cutPoints.Count != 4)
        {
            throw new ArgumentException("RFM thresholds need exactly four cut points.", nameof(cutPoints));
        }

        var score = 1;
        foreach (var cut in cutPoints)
        {
            if (value > cut)
            {
                score++;
            }
        }

        return score;
    }

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>, never negative (events may be slightly in the future).</summary>
    public static double DaysBetween(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (to - from).TotalDays);
}
