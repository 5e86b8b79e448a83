using Serverless.Domain.Ports;
using Serverless.Domain.Support;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>Conversations in container <c>conversations</c>: partition key = id = conversation id; the container's TTL expires them.</summary>
internal sealed class CosmosConversationRepository(CosmosContainers containers) : IConversationRepository
{
    public Task<Versioned<Conversation>?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return containers.Conversations.ReadOrNullAsync<Conversation>(conversationId, conversationId, cancellationToken);
    }

    public Task<string?> TrySaveAsync(Conversation conversation, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var document = CosmosDocument.From(conversation, conversation.ConversationId);
        return containers.Conversations.TrySaveAsync(document, conversation.ConversationId, etag, cancellationToken);
    }
}
