using Serverless.Application.Common;

namespace Serverless.Application.Telemetry;

/// <summary>Classifies how an invocation ended, the same way in both hosts.</summary>
public static class InvocationOutcomes
{
    /// <param name="failure">The exception the function threw, or null.</param>
    /// <param name="shutdown">Whether the host was stopping (then a cancellation is no fault of the message).</param>
    public static InvocationOutcome Of(Exception? failure, bool shutdown = false) => failure switch
    {
        null => InvocationOutcome.Succeeded,
        OperationCanceledException when shutdown => InvocationOutcome.Cancelled,
        PermanentMessageException => InvocationOutcome.Rejected,
        _ => InvocationOutcome.Failed,
    };
}
