using Serverless.Domain.Support;

namespace Serverless.Domain.Ports;

/// <summary>Support conversations (container <c>conversations</c>, partition key and id = conversation id, TTL).</summary>
public interface IConversationRepository
{
    Task<Versioned<Conversation>?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Create (etag null) or conditional replace; null when another writer won.</summary>
    Task<string?> TrySaveAsync(Conversation conversation, string? etag, CancellationToken cancellationToken);
}
