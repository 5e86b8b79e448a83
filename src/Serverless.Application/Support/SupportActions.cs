namespace Serverless.Application.Support;

/// <summary>What a turn did (the <c>actions</c> of a reply), as stable codes.</summary>
public static class SupportActions
{
    public const string OrderStatus = "order_status";
    public const string AskOrder = "ask_order";
    public const string SignInRequired = "sign_in_required";
    public const string NoOrders = "no_orders";
    public const string CancellationEligible = "cancellation_eligible";
    public const string CancellationNotEligible = "cancellation_not_eligible";
    public const string ReturnEligible = "return_eligible";
    public const string ReturnNotEligible = "return_not_eligible";
    public const string RefundStatus = "refund_status";
    public const string Policy = "policy";
    public const string ProductSearch = "product_search";
    public const string NoProductFound = "no_product_found";
    public const string Recommendations = "recommendations";
    public const string KnowledgeAnswer = "knowledge_answer";
    public const string SmallTalk = "small_talk";
    public const string Handoff = "handoff";
    public const string Rephrased = "rephrased";
}
