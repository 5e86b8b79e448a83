namespace Serverless.Application.Support;

/// <summary>
/// Delivery, payment, account, invoices and other policy questions: the best knowledge passage in the customer's
/// language (preferring the intent's article), quoted with its article as the source; nothing relevant → hand-off.
/// </summary>
public sealed class KnowledgeDialogue(KnowledgeAnswerer knowledge)
{
    public async Task<DialogueReply> RespondAsync(DialogueTurn turn, CancellationToken cancellationToken)
    {
        var passage = await knowledge.AnswerAsync(turn.Message, turn.Locale, SupportIntentMap.ArticleOf(turn.Label), cancellationToken);
        return passage is null
            ? DialogueReply.HandOff(turn.Locale, HandoffReason.OutOfScope)
            : KnowledgeAnswerer.Reply(passage, turn.Locale, [SupportActions.KnowledgeAnswer]);
    }
}
