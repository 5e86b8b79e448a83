using Microsoft.Extensions.Logging;

namespace Serverless.Application.Telemetry;

/// <summary>
/// Logging scopes that correlate log lines: every line written inside carries these properties (in Application
/// Insights as <c>customDimensions.InvocationId</c>, <c>customDimensions.EventId</c>, ...). Hosts open an invocation
/// scope per function run; handlers open an event scope once they know the event.
/// </summary>
public static class LogScopes
{
    public const string Function = "Function";
    public const string InvocationId = "InvocationId";
    public const string MessageId = "MessageId";
    public const string DequeueCount = "DequeueCount";
    public const string EventId = "EventId";
    public const string UserId = "UserId";

    /// <param name="messageId">The queue message id, for queue functions.</param>
    /// <param name="dequeueCount">The delivery attempt, for queue functions.</param>
    public static IDisposable? BeginInvocationScope(
        this ILogger logger, string function, string invocationId, string? messageId = null, long? dequeueCount = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var state = new Dictionary<string, object> { [Function] = function, [InvocationId] = invocationId };
        if (messageId is not null)
        {
            state[MessageId] = messageId;
        }

        if (dequeueCount is not null)
        {
            state[DequeueCount] = dequeueCount.Value;
        }

        return logger.BeginScope(state);
    }

    public static IDisposable? BeginEventScope(this ILogger logger, string eventId, string userId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new Dictionary<string, object> { [EventId] = eventId, [UserId] = userId });
    }
}
