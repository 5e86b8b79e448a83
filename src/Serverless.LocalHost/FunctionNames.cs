namespace Serverless.LocalHost;

/// <summary>The function names of the Functions host, used for the same functions here (logs, Disabled settings).</summary>
public static class FunctionNames
{
    public const string IngestEvents = "IngestEvents";
    public const string GetProfile = "GetProfile";
    public const string ListSegments = "ListSegments";
    public const string ListSegmentMembers = "ListSegmentMembers";
    public const string Health = "Health";
    public const string ProcessEvent = "ProcessEvent";
    public const string ProcessCatalog = "ProcessCatalog";
    public const string RecomputeRfmThresholds = "RecomputeRfmThresholds";
}
