using Serverless.Application.Common;

namespace Serverless.Application.Telemetry;

/// <summary>How a function invocation ended.</summary>
public enum InvocationOutcome
{
    Succeeded,

    /// <summary>A <see cref="PermanentMessageException"/>: the message can never succeed (it will end in the poison queue).</summary>
    Rejected,

    /// <summary>Any other exception: possibly transient, retried per host.json.</summary>
    Failed,

    /// <summary>Stopped by host shutdown; the message is released without counting against it.</summary>
    Cancelled,
}
