using Serverless.Application.Common;
using Serverless.Domain.Ports;
using Serverless.Domain.Support;
using Serverless.Domain.Validation;

namespace Serverless.Application.Support;

/// <summary>GET /api/support/conversations/{conversationId}: the conversation with every turn (404 when unknown or expired).</summary>
public sealed class GetConversationHandler(IConversationRepository conversations)
{
    public async Task<HandlerResult<Conversation>> HandleAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (IdentifierRules.Check(conversationId) is { } problem)
        {
            return Problem.Validation([new FieldError("conversationId", problem)]);
        }

        var stored = await conversations.GetAsync(conversationId, cancellationToken);
        return stored is null
            ? Problem.NotFound($"No conversation '{conversationId}' (conversations expire after the container's time to live).")
            : HandlerResult<Conversation>.Ok(stored.Value);
    }
}
