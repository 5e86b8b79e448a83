namespace Serverless.Application.Common;

/// <summary>
/// A queue message that can never succeed (malformed JSON, contract violation). The host still lets the queue's
/// dequeue count run out, as the Functions runtime does, so the message ends in <c>&lt;queue&gt;-poison</c> with this reason logged.
/// </summary>
public sealed class PermanentMessageException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason { get; } = reason;
}
