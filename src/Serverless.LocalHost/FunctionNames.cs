namespace Serverless.LocalHost;

/// <summary>
/// The function names, as declared once in <see cref="Serverless.Application.Hosting.FunctionNames"/> (kept here so
/// existing callers of the local host keep compiling).
/// </summary>
public static class FunctionNames
{
    public const string IngestEvents = Application.Hosting.FunctionNames.IngestEvents;
    public const string GetProfile = Application.Hosting.FunctionNames.GetProfile;
    public const string ListSegments = Application.Hosting.FunctionNames.ListSegments;
    public const string ListSegmentMembers = Application.Hosting.FunctionNames.ListSegmentMembers;
    public const string Health = Application.Hosting.FunctionNames.Health;
    public const string ProcessEvent = Application.Hosting.FunctionNames.ProcessEvent;
    public const string ProcessCatalog = Application.Hosting.FunctionNames.ProcessCatalog;
    public const string RecomputeRfmThresholds = Application.Hosting.FunctionNames.RecomputeRfmThresholds;
    public const string GetRecommendations = Application.Hosting.FunctionNames.GetRecommendations;
    public const string GetSimilarProducts = Application.Hosting.FunctionNames.GetSimilarProducts;
    public const string GetTrendingProducts = Application.Hosting.FunctionNames.GetTrendingProducts;
    public const string ListModels = Application.Hosting.FunctionNames.ListModels;
    public const string ListModelVersions = Application.Hosting.FunctionNames.ListModelVersions;
    public const string RollbackModel = Application.Hosting.FunctionNames.RollbackModel;
    public const string RetrainModel = Application.Hosting.FunctionNames.RetrainModel;
    public const string RetrainRecommender = Application.Hosting.FunctionNames.RetrainRecommender;
    public const string GetProductForecast = Application.Hosting.FunctionNames.GetProductForecast;
    public const string GetCategoryForecast = Application.Hosting.FunctionNames.GetCategoryForecast;
    public const string GetReorderPoint = Application.Hosting.FunctionNames.GetReorderPoint;
    public const string RefreshForecasts = Application.Hosting.FunctionNames.RefreshForecasts;
    public const string ProcessForecastRequest = Application.Hosting.FunctionNames.ProcessForecastRequest;
    public const string ReplyToCustomer = Application.Hosting.FunctionNames.ReplyToCustomer;
    public const string GetConversation = Application.Hosting.FunctionNames.GetConversation;
    public const string RetrainSupportIntents = Application.Hosting.FunctionNames.RetrainSupportIntents;
}
