namespace Serverless.Application.Support;

/// <summary>"Where is my order?": the status, dates and total of the user's order from Cosmos DB.</summary>
public sealed class OrderTrackingDialogue(OrderResolver resolver)
{
    public async Task<DialogueReply> RespondAsync(DialogueTurn turn, CancellationToken cancellationToken)
    {
        var resolution = await resolver.ResolveAsync(turn, cancellationToken);
        if (resolution.Order is not { } order)
        {
            return resolution.Reply!;
        }

        var text = SupportReplies.OrderStatus(turn.Locale, order);
        return new DialogueReply(text, [SupportSources.Order(order.OrderId)], [SupportActions.OrderStatus]) { Facts = [text] };
    }
}
