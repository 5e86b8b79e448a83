namespace Serverless.Application.Support;

/// <summary>
/// Greeting, thanks and goodbye (labels trained with the rest from data/intents/support-extra.csv): a courtesy template
/// in the turn's language. It states no fact, needs no data and never hands off: "thanks" is not a question nobody can answer.
/// </summary>
public static class SmallTalkDialogue
{
    public static DialogueReply Respond(DialogueTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new DialogueReply(SupportReplies.SmallTalk(turn.Locale, turn.Label), [], [SupportActions.SmallTalk]);
    }
}
