using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.Application.Support;

/// <summary>
/// Optional generation: with <c>Support:Generation</c> = Rephrase and an <see cref="IChatClient"/> registered, the
/// grounded template reply is reworded by the model, which is given only the reply and the facts it was built from.
/// The rewording is kept only if every number of the template reply (order ids, amounts, dates, days) is still in it;
/// otherwise, or when the client fails, the template reply stands. Sources never change.
/// </summary>
public sealed partial class ReplyRephraser(IOptions<SupportOptions> options, ILogger<ReplyRephraser> logger, IChatClient? chatClient = null)
{
    private readonly SupportOptions _options = options.Value;

    public bool IsEnabled => _options.Generation == ReplyGeneration.Rephrase && chatClient is not null;

    /// <summary>The reworded reply, or null when generation is off, failed or dropped a fact.</summary>
    public async Task<string?> RephraseAsync(DialogueReply reply, string locale, CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return null;
        }

        var facts = new StringBuilder();
        foreach (var fact in reply.Facts.Count > 0 ? reply.Facts : [reply.Text])
        {
            facts.Append("- ").AppendLine(fact);
        }

        var language = locale == SupportReplies.Chinese ? "Simplified Chinese" : "English";
        List<ChatMessage> messages =
        [
            new(ChatRole.System,
                $"You are a shop's customer-service assistant. Rewrite the draft reply in {language}, friendly and concise. " +
                "Use only the facts listed; add no fact, number, date, promise or policy of your own, and keep every order id, " +
                "amount and date exactly as written."),
            new(ChatRole.User, $"Facts:\n{facts}\nDraft reply:\n{reply.Text}"),
        ];
        try
        {
            var response = await chatClient!.GetResponseAsync(messages, cancellationToken: cancellationToken);
            var text = response.Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var missing = Numbers().Matches(reply.Text).Select(m => m.Value).Where(n => !text.Contains(n, StringComparison.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                logger.LogWarning("The rephrased reply dropped {Missing}; the template reply is kept", string.Join(", ", missing));
                return null;
            }

            return text;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Rephrasing failed; the template reply is kept");
            return null;
        }
    }

    [GeneratedRegex(@"\d+(?:[.\-]\d+)*")]
    private static partial Regex Numbers();
}
