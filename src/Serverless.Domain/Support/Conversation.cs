namespace Serverless.Domain.Support;

/// <summary>
/// A customer-service conversation (container <c>conversations</c>, partition key /conversationId, expiring by the
/// container's TTL): every turn with its intent, confidence and actions, plus the slot the dialogue is waiting for.
/// </summary>
public sealed class Conversation
{
    public required string ConversationId { get; init; }

    /// <summary>The signed-in shopper, when known: order questions are answered from this user's orders only.</summary>
    public string? UserId { get; set; }

    /// <summary>"en" or "zh": the language of the last message.</summary>
    public required string Locale { get; set; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the dialogue asked "which order?": the intent to resume and the orders offered.</summary>
    public PendingOrderQuestion? PendingOrder { get; set; }

    /// <summary>The order the conversation is about, once known (remembered across turns).</summary>
    public string? CurrentOrderId { get; set; }

    /// <summary>True once the conversation was handed to a person.</summary>
    public bool HandedOff { get; set; }

    public List<ConversationTurn> Turns { get; set; } = [];
}
