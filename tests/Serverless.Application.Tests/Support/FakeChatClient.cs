using Microsoft.Extensions.AI;

namespace Serverless.Application.Tests.Support;

/// <summary>An <see cref="IChatClient"/> that answers with a function of the last user message, recording what it was sent.</summary>
public sealed class FakeChatClient(Func<string, string> answer) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add(list);
        var draft = list.Last(m => m.Role == ChatRole.User).Text;
        var marker = "Draft reply:\n";
        var reply = draft[(draft.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(reply))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
