using Serverless.Domain.Profiles;

namespace Serverless.Application.Profiles;

/// <summary>
/// GET /api/profiles/{userId}: the read model of a profile. Affinities are evaluated at request time; lifecycle,
/// RFM and segment are as of <see cref="ScoredAt"/> (the last change or rescoring).
/// </summary>
public sealed record ProfileResponse
{
    public required string UserId { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Accepted events by wire type name.</summary>
    public required IReadOnlyDictionary<string, long> EventCounts { get; init; }

    public int OrderCount { get; init; }

    public decimal GrossRevenue { get; init; }

    public decimal RefundedAmount { get; init; }

    public decimal NetRevenue { get; init; }

    public decimal AverageOrderValue { get; init; }

    public string? Currency { get; init; }

    public DateTimeOffset? FirstPurchaseAt { get; init; }

    public DateTimeOffset? LastPurchaseAt { get; init; }

    public double? MeanDaysBetweenPurchases { get; init; }

    /// <summary>Top categories by current affinity, highest first (at most 20, only positive scores).</summary>
    public required IReadOnlyList<AffinityScore> CategoryAffinity { get; init; }

    /// <summary>Top brands by current affinity, highest first (at most 20, only positive scores).</summary>
    public required IReadOnlyList<AffinityScore> BrandAffinity { get; init; }

    /// <summary>Newest first.</summary>
    public required IReadOnlyList<RecentItem> RecentItems { get; init; }

    /// <summary>Product id to units in the cart (products with at least one unit).</summary>
    public required IReadOnlyDictionary<string, int> Cart { get; init; }

    /// <summary>Distinct queries, newest first.</summary>
    public required IReadOnlyList<string> RecentSearches { get; init; }

    public int ReviewCount { get; init; }

    public double? AverageRating { get; init; }

    public LifecycleStage Lifecycle { get; init; }

    public double? RecencyDays { get; init; }

    public RfmScore? Rfm { get; init; }

    public string? SegmentId { get; init; }

    public string? SegmentName { get; init; }

    public DateTimeOffset? SegmentSince { get; init; }

    public DateTimeOffset? ScoredAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
