using Serverless.Domain.Ports;
using Serverless.Domain.Support;

namespace Serverless.Application.Tests.Fakes;

public sealed class FakeConversationRepository : IConversationRepository
{
    public DocumentStore<Conversation> Store { get; } = new(seed: 17);

    public Task<Versioned<Conversation>?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Store.Get(conversationId) is { } found ? new Versioned<Conversation>(found.Value, found.ETag) : null);

    public Task<string?> TrySaveAsync(Conversation conversation, string? etag, CancellationToken cancellationToken) =>
        Task.FromResult(Store.TrySave(conversation.ConversationId, conversation, etag));
}
