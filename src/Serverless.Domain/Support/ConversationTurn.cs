namespace Serverless.Domain.Support;

/// <summary>One exchange: the customer's message and what the assistant understood, did and answered.</summary>
public sealed record ConversationTurn
{
    public required DateTimeOffset At { get; init; }

    public required string Message { get; init; }

    public required string Reply { get; init; }

    public required string Intent { get; init; }

    /// <summary>The intent classifier's calibrated probability (1 when the turn answered a pending question).</summary>
    public required double Confidence { get; init; }

    /// <summary>Sentiment in [-1, 1].</summary>
    public required double Sentiment { get; init; }

    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Where the reply's facts come from: knowledge articles (<c>kb:returns</c>), orders (<c>order:A1</c>), products.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public bool Handoff { get; init; }
}
