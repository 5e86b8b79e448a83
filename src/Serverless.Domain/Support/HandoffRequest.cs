namespace Serverless.Domain.Support;

/// <summary>The message on the <c>handoff</c> queue: a conversation a person should take over, with its latest turns.</summary>
public sealed record HandoffRequest
{
    public required string ConversationId { get; init; }

    public string? UserId { get; init; }

    public required string Locale { get; init; }

    /// <summary>Why: low_confidence, out_of_scope, requested, negative_sentiment.</summary>
    public required string Reason { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required IReadOnlyList<ConversationTurn> Transcript { get; init; }
}
