namespace Serverless.Infrastructure.Storage;

/// <summary>Service error codes (<c>x-ms-error-code</c>) that callers act on.</summary>
public static class StorageErrorCodes
{
    public const string BlobAlreadyExists = "BlobAlreadyExists";
    public const string BlobNotFound = "BlobNotFound";
    public const string ContainerNotFound = "ContainerNotFound";
    public const string ConditionNotMet = "ConditionNotMet";
    public const string MaxBlobSizeConditionNotMet = "MaxBlobSizeConditionNotMet";
    public const string AppendPositionConditionNotMet = "AppendPositionConditionNotMet";
    public const string BlockCountExceedsLimit = "BlockCountExceedsLimit";
    public const string QueueNotFound = "QueueNotFound";
    public const string MessageNotFound = "MessageNotFound";
}
