using Serverless.Domain.Events;

namespace Serverless.Domain.Profiles;

/// <summary>
/// Everything the backend knows about one user, kept current by the event pipeline (container <c>profiles</c>).
/// Stored fields are the commutative state; the derived block (recency, lifecycle, RFM, segment) is recomputed
/// for <see cref="ScoredAt"/> whenever the profile changes or the rescoring job runs.
/// </summary>
public sealed class UserProfile
{
    public const int RecentItemLimit = 50;
    public const int AppliedEventLimit = 512;
    public const int RecentSearchLimit = 20;

    public required string UserId { get; init; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>Accepted events by wire type name (view, purchase, ...).</summary>
    public Dictionary<string, long> EventCounts { get; set; } = [];

    /// <summary>Purchase ledger by order id (counts and revenue derive from it).</summary>
    public List<PurchaseRecord> Purchases { get; set; } = [];

    public int OrderCount { get; set; }

    public decimal GrossRevenue { get; set; }

    public decimal RefundedAmount { get; set; }

    public decimal NetRevenue { get; set; }

    public decimal AverageOrderValue { get; set; }

    public string? Currency { get; set; }

    public DateTimeOffset? FirstPurchaseAt { get; set; }

    public DateTimeOffset? LastPurchaseAt { get; set; }

    /// <summary>Mean days between consecutive orders; null with fewer than two orders.</summary>
    public double? MeanDaysBetweenPurchases { get; set; }

    public Dictionary<string, DecayedScore> CategoryAffinity { get; set; } = [];

    public Dictionary<string, DecayedScore> BrandAffinity { get; set; } = [];

    /// <summary>The last <see cref="RecentItemLimit"/> product interactions, newest first.</summary>
    public List<RecentItem> RecentItems { get; set; } = [];

    public Dictionary<string, CartLine> Cart { get; set; } = [];

    /// <summary>Distinct queries of <see cref="SearchHistory"/>, newest first (derived from it).</summary>
    public List<string> RecentSearches { get; set; } = [];

    /// <summary>The newest searches (at most <see cref="RecentSearchLimit"/>) with their times, newest first.</summary>
    public List<RecentSearch> SearchHistory { get; set; } = [];

    /// <summary>Reviews: count and mean rating.</summary>
    public int ReviewCount { get; set; }

    public double? AverageRating { get; set; }

    /// <summary>Sum of all ratings, so the mean is exact whatever order reviews arrive in.</summary>
    public long RatingSum { get; set; }

    /// <summary>Ids of the most recently applied events, so a redelivery after a partial failure is not counted twice.</summary>
    public List<string> AppliedEventIds { get; set; } = [];

    // Derived block.
    public DateTimeOffset? ScoredAt { get; set; }

    public double? RecencyDays { get; set; }

    public LifecycleStage Lifecycle { get; set; } = LifecycleStage.New;

    public RfmScore? Rfm { get; set; }

    /// <summary>Current segment id (see <c>RfmSegments</c>); null before the first scoring.</summary>
    public string? SegmentId { get; set; }

    public DateTimeOffset? SegmentSince { get; set; }

    /// <summary>The segment the user was in before <see cref="SegmentId"/> (null: none), so an interrupted change can be replayed.</summary>
    public string? PreviousSegmentId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
