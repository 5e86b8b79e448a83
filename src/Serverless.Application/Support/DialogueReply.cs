namespace Serverless.Application.Support;

/// <summary>What a dialogue answers: the reply text, its sources, the actions taken, and a hand-off when it cannot answer.</summary>
public sealed record DialogueReply(string Text, IReadOnlyList<string> Sources, IReadOnlyList<string> Actions)
{
    public HandoffReason? Handoff { get; init; }

    /// <summary>The facts the reply was built from (for optional rephrasing): the same as <see cref="Text"/> unless set.</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];

    public static DialogueReply HandOff(string locale, HandoffReason reason) =>
        new(SupportReplies.Handoff(locale), [], [SupportActions.Handoff]) { Handoff = reason };
}
