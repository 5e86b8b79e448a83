namespace Serverless.Application.Hosting;

/// <summary>
/// Function names, the same in both hosts (Functions and LocalHost), so logs, metrics and the
/// <c>AzureWebJobs.{name}.Disabled</c> settings match. Constants, because attribute arguments must be.
/// </summary>
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
    public const string GetRecommendations = "GetRecommendations";
    public const string GetSimilarProducts = "GetSimilarProducts";
    public const string GetTrendingProducts = "GetTrendingProducts";
    public const string ListModels = "ListModels";
    public const string ListModelVersions = "ListModelVersions";
    public const string RollbackModel = "RollbackModel";
    public const string RetrainModel = "RetrainModel";
    public const string RetrainRecommender = "RetrainRecommender";
    public const string GetProductForecast = "GetProductForecast";
    public const string GetCategoryForecast = "GetCategoryForecast";
    public const string GetTotalForecast = "GetTotalForecast";
    public const string GetReorderPoint = "GetReorderPoint";
    public const string RefreshForecasts = "RefreshForecasts";
    public const string ProcessForecastRequest = "ProcessForecastRequest";
    public const string ReplyToCustomer = "ReplyToCustomer";
    public const string GetConversation = "GetConversation";
    public const string RetrainSupportIntents = "RetrainSupportIntents";
}
