namespace Serverless.Application.Recommendations;

/// <summary>The words of each <see cref="RecommendationReason"/>; <c>subject</c> is a product title, category or segment name.</summary>
public static class ReasonText
{
    public static string For(RecommendationReason reason, string? subject) => reason switch
    {
        RecommendationReason.BecauseYouViewed => $"because you viewed {subject}",
        RecommendationReason.BecauseYouAddedToCart => $"because you added {subject} to your cart",
        RecommendationReason.BecauseYouBought => $"because you bought {subject}",
        RecommendationReason.BecauseYouReviewed => $"because you reviewed {subject}",
        RecommendationReason.GoesWithYourCart => $"goes with {subject} in your cart",
        RecommendationReason.SimilarToProduct => $"similar to {subject}",
        RecommendationReason.RecommendedForYou => "recommended for you",
        RecommendationReason.PopularInYourSegment => "popular in your segment",
        RecommendationReason.TrendingInCategory => $"trending in {subject}",
        RecommendationReason.TrendingInSegment => $"trending with {subject}",
        RecommendationReason.TrendingNow => "trending now",
        RecommendationReason.PopularNow => "popular right now",
        RecommendationReason.NewInCatalog => "new in the catalog",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason."),
    };
}
