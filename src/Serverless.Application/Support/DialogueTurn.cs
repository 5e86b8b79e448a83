using Serverless.Domain.Orders;
using Serverless.Domain.Support;

namespace Serverless.Application.Support;

/// <summary>
/// What a dialogue gets: the conversation so far, the message, its language and the classifier's label, and the
/// signed-in user's orders when this turn has already listed them (so a turn queries Cosmos DB for them at most once).
/// </summary>
public sealed record DialogueTurn(Conversation Conversation, string Message, string Locale, string Label, IReadOnlyList<Order>? UserOrders = null)
{
    public string? UserId => Conversation.UserId;
}
