namespace Serverless.Application.Recommendations;

/// <summary>Where the list is shown (query parameter <c>context</c>), which changes what the history is seeded with.</summary>
public enum RecommendationContext
{
    /// <summary>The user's recent history as it is.</summary>
    Home,

    /// <summary>On a product page (<c>productId</c> required): that product weighs as much as the whole history.</summary>
    Product,

    /// <summary>On the cart: the items in the cart weigh more.</summary>
    Cart,
}
