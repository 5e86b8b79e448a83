namespace Serverless.Application.Recommendations;

/// <summary>Why an item is in a list (the <c>reasonCode</c> of each item; <c>reason</c> says it in words).</summary>
public enum RecommendationReason
{
    /// <summary>"because you viewed {title}"</summary>
    BecauseYouViewed,

    /// <summary>"because you added {title} to your cart"</summary>
    BecauseYouAddedToCart,

    /// <summary>"because you bought {title}"</summary>
    BecauseYouBought,

    /// <summary>"because you reviewed {title}"</summary>
    BecauseYouReviewed,

    /// <summary>"goes with {title} in your cart" (context cart)</summary>
    GoesWithYourCart,

    /// <summary>"similar to {title}" (context product, and similar products)</summary>
    SimilarToProduct,

    /// <summary>"recommended for you": personalized, but no single history item stands out</summary>
    RecommendedForYou,

    /// <summary>"popular in your segment"</summary>
    PopularInYourSegment,

    /// <summary>"trending in {category}"</summary>
    TrendingInCategory,

    /// <summary>"trending with {segment name}" (trending endpoint with a segment)</summary>
    TrendingInSegment,

    /// <summary>"trending now"</summary>
    TrendingNow,

    /// <summary>"popular right now"</summary>
    PopularNow,

    /// <summary>"new in the catalog": the last resort when there is no popularity to go by (no events trained on yet)</summary>
    NewInCatalog,
}
