namespace Serverless.Application.Recommendations;

/// <summary>
/// One recommended product. <see cref="Score"/> orders items within their reason: model scores and popularity
/// scores are on different scales, so a list is ordered by source first (personalized, then the fallbacks).
/// </summary>
public sealed record RecommendedItem
{
    public required string ProductId { get; init; }

    /// <summary>From the catalog; null when the catalog does not know the product.</summary>
    public string? Title { get; init; }

    public string? Category { get; init; }

    public required double Score { get; init; }

    /// <summary>The reason in words, e.g. "because you viewed Red retrospot mug".</summary>
    public required string Reason { get; init; }

    public required RecommendationReason ReasonCode { get; init; }

    /// <summary>The product the reason refers to (a history item or the page's product), if any.</summary>
    public string? BecauseOf { get; init; }
}
