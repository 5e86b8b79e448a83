using Serverless.Domain.Orders;

namespace Serverless.Application.Support;

/// <summary>
/// "Cancel my order": whether the user's order can still be cancelled (placed or paid, not yet shipped) with the
/// cancellation article's passage on how. The assistant does not change orders itself: the order system does.
/// </summary>
public sealed class OrderCancellationDialogue(OrderResolver resolver, KnowledgeAnswerer knowledge)
{
    public const string Article = "cancellation";

    public async Task<DialogueReply> RespondAsync(DialogueTurn turn, CancellationToken cancellationToken)
    {
        var resolution = await resolver.ResolveAsync(turn, cancellationToken);
        if (resolution.Order is not { } order)
        {
            return resolution.Reply!;
        }

        var (sentence, action) = order.Status switch
        {
            null or OrderStatuses.Placed or OrderStatuses.Paid => (SupportReplies.CancellationEligible(turn.Locale, order), SupportActions.CancellationEligible),
            OrderStatuses.Cancelled => (SupportReplies.AlreadyCancelled(turn.Locale, order), SupportActions.CancellationNotEligible),
            _ => (SupportReplies.CancellationTooLate(turn.Locale, order), SupportActions.CancellationNotEligible),
        };
        var passage = await knowledge.PolicyAsync(Article, turn.Message, turn.Locale, cancellationToken);
        return passage is null
            ? new DialogueReply(sentence, [SupportSources.Order(order.OrderId)], [action]) { Facts = [sentence] }
            : KnowledgeAnswerer.Reply(passage, turn.Locale, [action, SupportActions.Policy], sentence, [SupportSources.Order(order.OrderId)]);
    }
}
