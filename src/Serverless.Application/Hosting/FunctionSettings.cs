namespace Serverless.Application.Hosting;

/// <summary>
/// The app settings that trigger bindings read (<c>%Setting%</c> in the Functions attributes, the same keys in
/// LocalHost), with the defaults both hosts fall back to and that local.settings.sample.json and the Bicep app settings set.
/// </summary>
public static class FunctionSettings
{
    /// <summary>The storage connection of every queue trigger (identity-based in Azure: <c>AzureWebJobsStorage__queueServiceUri</c>).</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    /// <summary>The queue <see cref="FunctionNames.ProcessEvent"/> reads and POST /api/events writes.</summary>
    public const string EventsQueueName = "EventsQueueName";

    /// <summary>The queue <see cref="FunctionNames.ProcessCatalog"/> reads.</summary>
    public const string CatalogQueueName = "CatalogQueueName";

    /// <summary>The NCRONTAB schedule (six fields, seconds first) of <see cref="FunctionNames.RecomputeRfmThresholds"/>.</summary>
    public const string RfmRecomputeSchedule = "RfmRecomputeSchedule";

    public const string DefaultRfmRecomputeSchedule = "0 0 * * * *";

    /// <summary>The NCRONTAB schedule (six fields, seconds first) of <see cref="FunctionNames.RetrainRecommender"/>.</summary>
    public const string RecommenderRetrainSchedule = "RecommenderRetrainSchedule";

    /// <summary>Nightly at 03:00 UTC.</summary>
    public const string DefaultRecommenderRetrainSchedule = "0 0 3 * * *";

    /// <summary>The queue <see cref="FunctionNames.ProcessForecastRequest"/> reads and <see cref="FunctionNames.RefreshForecasts"/> fans out to.</summary>
    public const string ForecastRequestsQueueName = "ForecastRequestsQueueName";

    /// <summary>The NCRONTAB schedule (six fields, seconds first) of <see cref="FunctionNames.RefreshForecasts"/>.</summary>
    public const string ForecastRefreshSchedule = "ForecastRefreshSchedule";

    /// <summary>Nightly at 02:30 UTC.</summary>
    public const string DefaultForecastRefreshSchedule = "0 30 2 * * *";

    /// <summary>The NCRONTAB schedule (six fields, seconds first) of <see cref="FunctionNames.RetrainSupportIntents"/>.</summary>
    public const string SupportIntentsRetrainSchedule = "SupportIntentsRetrainSchedule";

    /// <summary>Nightly at 03:30 UTC.</summary>
    public const string DefaultSupportIntentsRetrainSchedule = "0 30 3 * * *";
}
