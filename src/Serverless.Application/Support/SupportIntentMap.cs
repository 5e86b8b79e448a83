namespace Serverless.Application.Support;

/// <summary>
/// Maps the classifier's labels (the 27 Bitext customer-support intents, plus <c>product_question</c> and
/// <c>recommend_product</c> and the small talk <c>greeting</c>, <c>thanks</c> and <c>goodbye</c> from
/// data/intents/support-extra.csv) to the dialogue that answers them, and names the
/// knowledge article that holds each label's policy.
/// </summary>
public static class SupportIntentMap
{
    public const string ProductQuestion = "product_question";
    public const string RecommendProduct = "recommend_product";
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Goodbye = "goodbye";

    private static readonly Dictionary<string, SupportIntent> Intents = new(StringComparer.Ordinal)
    {
        ["track_order"] = SupportIntent.TrackOrder,
        ["cancel_order"] = SupportIntent.CancelOrder,
        ["get_refund"] = SupportIntent.Refund,
        ["check_refund_policy"] = SupportIntent.Refund,
        ["track_refund"] = SupportIntent.Refund,
        ["contact_human_agent"] = SupportIntent.Human,
        [ProductQuestion] = SupportIntent.ProductQuestion,
        [RecommendProduct] = SupportIntent.Recommendation,
        [Greeting] = SupportIntent.SmallTalk,
        [Thanks] = SupportIntent.SmallTalk,
        [Goodbye] = SupportIntent.SmallTalk,
    };

    private static readonly Dictionary<string, string> Articles = new(StringComparer.Ordinal)
    {
        ["track_order"] = "order-tracking",
        ["cancel_order"] = "cancellation",
        ["change_order"] = "cancellation",
        ["check_cancellation_fee"] = "cancellation",
        ["place_order"] = "order-tracking",
        ["get_refund"] = "refunds",
        ["check_refund_policy"] = "returns",
        ["track_refund"] = "refunds",
        ["delivery_options"] = "shipping",
        ["delivery_period"] = "shipping",
        ["change_shipping_address"] = "shipping",
        ["set_up_shipping_address"] = "shipping",
        ["check_payment_methods"] = "payment",
        ["payment_issue"] = "payment",
        ["check_invoice"] = "invoices",
        ["get_invoice"] = "invoices",
        ["create_account"] = "account",
        ["delete_account"] = "account",
        ["edit_account"] = "account",
        ["recover_password"] = "account",
        ["registration_problems"] = "account",
        ["switch_account"] = "account",
        ["contact_customer_service"] = "contact",
        ["contact_human_agent"] = "contact",
        ["complaint"] = "contact",
        ["review"] = "contact",
        ["newsletter_subscription"] = "contact",
    };

    /// <summary>The dialogue of a label; any label not listed is answered from the knowledge base.</summary>
    public static SupportIntent Of(string label) => Intents.GetValueOrDefault(label, SupportIntent.Knowledge);

    /// <summary>The article that holds a label's policy, when there is one (a boost for retrieval, never a canned answer).</summary>
    public static string? ArticleOf(string label) => Articles.GetValueOrDefault(label);
}
