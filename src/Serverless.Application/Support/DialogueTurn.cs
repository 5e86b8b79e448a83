using Serverless.Domain.Support;

namespace Serverless.Application.Support;

/// <summary>What a dialogue gets: the conversation so far, the message, its language and the classifier's label.</summary>
public sealed record DialogueTurn(Conversation Conversation, string Message, string Locale, string Label)
{
    public string? UserId => Conversation.UserId;
}
