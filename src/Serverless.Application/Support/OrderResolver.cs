using Serverless.Domain.Orders;
using Serverless.Domain.Ports;
using Serverless.Domain.Support;

namespace Serverless.Application.Support;

/// <summary>
/// Finds the order a message is about, among the signed-in user's orders: one the message names (its id anywhere in
/// the text, case-insensitive), else the one the conversation is already about, else the only one; with several and
/// none named, the dialogue asks which (up to five, most recent first) and remembers the question in the conversation.
/// </summary>
public sealed class OrderResolver(IOrderRepository orders)
{
    private const int Offered = 5;

    public async Task<OrderResolution> ResolveAsync(DialogueTurn turn, CancellationToken cancellationToken)
    {
        if (turn.UserId is null)
        {
            return OrderResolution.Answer(new DialogueReply(SupportReplies.SignInForOrders(turn.Locale), [], [SupportActions.SignInRequired]));
        }

        var all = (turn.UserOrders ?? await orders.ListByUserAsync(turn.UserId, cancellationToken))
            .OrderByDescending(o => o.PlacedAt ?? o.StatusAt ?? DateTimeOffset.MinValue).ThenBy(o => o.OrderId, StringComparer.Ordinal).ToList();
        if (all.Count == 0)
        {
            return OrderResolution.Answer(new DialogueReply(SupportReplies.NoOrders(turn.Locale), [], [SupportActions.NoOrders]));
        }

        var named = Mentioned(turn.Message, all);
        var order = named
            ?? all.FirstOrDefault(o => o.OrderId == turn.Conversation.CurrentOrderId)
            ?? (all.Count == 1 ? all[0] : null);
        if (order is not null)
        {
            turn.Conversation.CurrentOrderId = order.OrderId;
            turn.Conversation.PendingOrder = null;
            return OrderResolution.Found(order);
        }

        var offered = all.Take(Offered).ToList();
        turn.Conversation.PendingOrder = new PendingOrderQuestion { Intent = turn.Label, OrderIds = offered.Select(o => o.OrderId).ToList() };
        return OrderResolution.Answer(new DialogueReply(
            SupportReplies.WhichOrder(turn.Locale, offered), offered.Select(o => SupportSources.Order(o.OrderId)).ToList(), [SupportActions.AskOrder]));
    }

    /// <summary>The order whose id the text contains (the longest id wins when one contains another); null when none.</summary>
    public static Order? Mentioned(string text, IEnumerable<Order> orders) =>
        orders.Where(o => text.Contains(o.OrderId, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(o => o.OrderId.Length).FirstOrDefault();
}
