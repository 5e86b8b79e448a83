namespace Serverless.Application.Support;

/// <summary>The assistant's answer to one message.</summary>
public sealed record SupportReplyResponse
{
    public required string ConversationId { get; init; }

    public required string Reply { get; init; }

    /// <summary>The classifier's label (e.g. track_order), or the intent of the question this message answered.</summary>
    public required string Intent { get; init; }

    public required double Confidence { get; init; }

    /// <summary>Sentiment in [-1, 1].</summary>
    public required double Sentiment { get; init; }

    public required string Locale { get; init; }

    /// <summary>Where the reply's facts come from: kb:{articleId}, order:{orderId}, product:{productId}.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    public required IReadOnlyList<string> Actions { get; init; }

    public required bool Handoff { get; init; }

    public HandoffReason? HandoffReason { get; init; }
}
