namespace Serverless.Application.Support;

/// <summary>What the dialogue does with a message; many classifier labels map to one (<see cref="SupportIntentMap"/>).</summary>
public enum SupportIntent
{
    /// <summary>Where is my order: the user's orders in Cosmos DB.</summary>
    TrackOrder,

    /// <summary>Cancel an order: eligibility from the order's status.</summary>
    CancelOrder,

    /// <summary>Refunds and returns: the policy article plus eligibility from the order's date and status.</summary>
    Refund,

    /// <summary>A question about a product: catalog search.</summary>
    ProductQuestion,

    /// <summary>"What should I buy": the recommender.</summary>
    Recommendation,

    /// <summary>Delivery, payment, account, invoices and the rest: a knowledge-base answer with its source.</summary>
    Knowledge,

    /// <summary>An explicit request for a person: hand-off.</summary>
    Human,

    /// <summary>Greeting, thanks or goodbye: a courtesy template, no hand-off.</summary>
    SmallTalk,
}
