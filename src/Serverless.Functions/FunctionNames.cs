namespace Serverless.Functions;

/// <summary>Function names (the same in Serverless.LocalHost, so logs and <c>AzureWebJobs.{name}.Disabled</c> match).</summary>
internal static class FunctionNames
{
    public const string IngestEvents = "IngestEvents";
    public const string GetProfile = "GetProfile";
    public const string ListSegments = "ListSegments";
    public const string ListSegmentMembers = "ListSegmentMembers";
    public const string Health = "Health";
    public const string ProcessEvent = "ProcessEvent";
    public const string ProcessCatalog = "ProcessCatalog";
    public const string RecomputeRfmThresholds = "RecomputeRfmThresholds";

    /// <summary>The app setting holding the storage connection (or its <c>__queueServiceUri</c> for managed identity).</summary>
    public const string StorageConnection = "AzureWebJobsStorage";
}
