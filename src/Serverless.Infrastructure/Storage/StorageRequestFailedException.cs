using Azure;

namespace Serverless.Infrastructure.Storage;

/// <summary>A Storage REST call answered with an error status; <see cref="RequestFailedException.ErrorCode"/> is the service's code (e.g. ConditionNotMet).</summary>
public sealed class StorageRequestFailedException : RequestFailedException
{
    public StorageRequestFailedException(int status, string? errorCode, string message)
        : base(status, message, errorCode, null)
    {
    }

    public bool IsNotFound => Status == 404;

    /// <summary>A precondition (If-Match, If-None-Match, append position, max size) did not hold, or the resource already exists.</summary>
    public bool IsConflictOrPreconditionFailed => Status is 409 or 412;
}
