using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Serverless.Domain.Orders;

namespace Serverless.Application.Support;

/// <summary>
/// Refunds and returns: the policy passage (returns or refunds article) and, for the user's order, eligibility
/// computed from its date and status: not shipped → cancel instead; shipped or delivered within
/// <c>Support:ReturnWindowDays</c> of the order date → returnable until the window's end; later → outside the window;
/// cancelled or returned → the refunded amount recorded on the order. A policy question ("check_refund_policy") names
/// no order and gets the policy alone unless the conversation is already about one or the message speaks of an order
/// ("order", "订单"); so does anyone not signed in.
/// </summary>
public sealed partial class RefundDialogue(OrderResolver resolver, KnowledgeAnswerer knowledge, IOptions<SupportOptions> options, TimeProvider timeProvider)
{
    public const string ReturnsArticle = "returns";
    public const string RefundsArticle = "refunds";
    public const string PolicyLabel = "check_refund_policy";
    private readonly SupportOptions _options = options.Value;

    public async Task<DialogueReply> RespondAsync(DialogueTurn turn, CancellationToken cancellationToken)
    {
        if ((turn.Label == PolicyLabel && turn.Conversation.CurrentOrderId is null && !OrderWord().IsMatch(turn.Message)) || turn.UserId is null)
        {
            var article = turn.Label == PolicyLabel ? ReturnsArticle : RefundsArticle;
            var policy = await knowledge.PolicyAsync(article, turn.Message, turn.Locale, cancellationToken);
            return policy is null
                ? DialogueReply.HandOff(turn.Locale, HandoffReason.OutOfScope)
                : KnowledgeAnswerer.Reply(policy, turn.Locale, [SupportActions.Policy]);
        }

        var resolution = await resolver.ResolveAsync(turn, cancellationToken);
        if (resolution.Order is not { } order)
        {
            return resolution.Reply!;
        }

        var (sentence, action, articleId) = Eligibility(turn.Locale, order);
        var passage = await knowledge.PolicyAsync(articleId, turn.Message, turn.Locale, cancellationToken);
        return passage is null
            ? new DialogueReply(sentence, [SupportSources.Order(order.OrderId)], [action]) { Facts = [sentence] }
            : KnowledgeAnswerer.Reply(passage, turn.Locale, [action, SupportActions.Policy], sentence, [SupportSources.Order(order.OrderId)]);
    }

    /// <summary>A policy question that speaks of an order ("can this order be refunded?") is about the user's order.</summary>
    [GeneratedRegex(@"\border\b|\bpurchase\b|订单", RegexOptions.IgnoreCase)]
    private static partial Regex OrderWord();

    private (string Sentence, string Action, string Article) Eligibility(string locale, Order order)
    {
        switch (order.Status)
        {
            case OrderStatuses.Cancelled or OrderStatuses.Returned:
                return (SupportReplies.Refunded(locale, order), SupportActions.RefundStatus, RefundsArticle);
            case null or OrderStatuses.Placed or OrderStatuses.Paid:
                return (SupportReplies.NotShippedCancelInstead(locale, order), SupportActions.CancellationEligible, OrderCancellationDialogue.Article);
        }

        var placed = order.PlacedAt ?? order.StatusAt ?? timeProvider.GetUtcNow();
        var now = timeProvider.GetUtcNow();
        var days = Math.Max(0, (int)Math.Floor((now - placed).TotalDays));
        var until = placed + _options.ReturnWindow;
        return now <= until
            ? (SupportReplies.ReturnEligible(locale, order, placed, days, until), SupportActions.ReturnEligible, ReturnsArticle)
            : (SupportReplies.ReturnWindowPassed(locale, order, placed, days, _options.ReturnWindowDays), SupportActions.ReturnNotEligible, ReturnsArticle);
    }
}
