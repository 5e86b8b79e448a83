using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Serverless.Application.Catalog;
using Serverless.Application.Events;
using Serverless.Application.Forecasts;
using Serverless.Application.Health;
using Serverless.Application.Profiles;
using Serverless.Application.Recommendations;
using Serverless.Application.Segments;
using Serverless.Application.Support;
using Serverless.Application.Training;
using Serverless.Domain.Ports;

namespace Serverless.Application.Hosting;

/// <summary>
/// Every function of the product, in one list both hosts follow: Serverless.Functions declares one function per entry
/// (checked by a source scan in Serverless.Deployment.Tests), Serverless.LocalHost maps the HTTP entries, listens to
/// the queue entries and schedules the timer entries, and docs/api/openapi.yaml describes every HTTP entry.
/// To add a function, add its entry here, then its adapters (see src/Serverless.Application/README.md).
/// </summary>
public static partial class FunctionCatalog
{
    public static IReadOnlyList<FunctionDefinition> All { get; } =
    [
        FunctionDefinition.ForHttp(FunctionNames.IngestEvents, "POST", "events", typeof(IngestEventsHandler)),
        FunctionDefinition.ForHttp(FunctionNames.GetProfile, "GET", "users/{userId}/profile", typeof(GetProfileHandler)),
        FunctionDefinition.ForHttp(FunctionNames.ListSegments, "GET", "segments", typeof(ListSegmentsHandler)),
        FunctionDefinition.ForHttp(FunctionNames.ListSegmentMembers, "GET", "segments/{segmentId}/members", typeof(ListSegmentMembersHandler)),
        FunctionDefinition.ForHttp(FunctionNames.Health, "GET", "health", typeof(HealthCheckHandler), HttpAuthorization.Anonymous),

        FunctionDefinition.ForQueue(FunctionNames.ProcessEvent, FunctionSettings.EventsQueueName, QueueNames.Events, typeof(ProcessEventMessageHandler)),
        FunctionDefinition.ForQueue(FunctionNames.ProcessCatalog, FunctionSettings.CatalogQueueName, QueueNames.Catalog, typeof(ProcessCatalogMessageHandler)),

        FunctionDefinition.ForTimer(
            FunctionNames.RecomputeRfmThresholds,
            FunctionSettings.RfmRecomputeSchedule,
            FunctionSettings.DefaultRfmRecomputeSchedule,
            typeof(RecomputeRfmThresholdsHandler)),

        FunctionDefinition.ForHttp(FunctionNames.GetRecommendations, "GET", "users/{userId}/recommendations", typeof(GetRecommendationsHandler)),
        FunctionDefinition.ForHttp(FunctionNames.GetSimilarProducts, "GET", "products/{productId}/similar", typeof(GetSimilarProductsHandler)),
        FunctionDefinition.ForHttp(FunctionNames.GetTrendingProducts, "GET", "products/trending", typeof(GetTrendingProductsHandler)),
        FunctionDefinition.ForHttp(FunctionNames.ListModels, "GET", "models", typeof(ListModelsHandler)),
        FunctionDefinition.ForHttp(FunctionNames.ListModelVersions, "GET", "models/{name}/versions", typeof(ListModelVersionsHandler)),
        FunctionDefinition.ForHttp(FunctionNames.RollbackModel, "POST", "models/{name}/rollback", typeof(RollbackModelHandler)),
        FunctionDefinition.ForHttp(FunctionNames.RetrainModel, "POST", "models/{name}/retrain", typeof(RetrainModelHandler)),
        FunctionDefinition.ForTimer(
            FunctionNames.RetrainRecommender,
            FunctionSettings.RecommenderRetrainSchedule,
            FunctionSettings.DefaultRecommenderRetrainSchedule,
            typeof(RetrainRecommenderHandler)),

        FunctionDefinition.ForHttp(FunctionNames.GetProductForecast, "GET", "forecasts/products/{productId}", typeof(GetProductForecastHandler)),
        FunctionDefinition.ForHttp(FunctionNames.GetCategoryForecast, "GET", "forecasts/categories/{category}", typeof(GetCategoryForecastHandler)),
        FunctionDefinition.ForHttp(FunctionNames.GetTotalForecast, "GET", "forecasts/total", typeof(GetTotalForecastHandler)),
        FunctionDefinition.ForHttp(FunctionNames.GetReorderPoint, "GET", "forecasts/products/{productId}/reorder", typeof(GetReorderPointHandler)),
        FunctionDefinition.ForQueue(
            FunctionNames.ProcessForecastRequest,
            FunctionSettings.ForecastRequestsQueueName,
            QueueNames.ForecastRequests,
            typeof(ProcessForecastRequestHandler)),
        FunctionDefinition.ForTimer(
            FunctionNames.RefreshForecasts,
            FunctionSettings.ForecastRefreshSchedule,
            FunctionSettings.DefaultForecastRefreshSchedule,
            typeof(RefreshForecastsHandler)),
        FunctionDefinition.ForHttp(FunctionNames.ReplyToCustomer, "POST", "support/replies", typeof(ReplyToCustomerHandler)),
        FunctionDefinition.ForHttp(FunctionNames.GetConversation, "GET", "support/conversations/{conversationId}", typeof(GetConversationHandler)),
        FunctionDefinition.ForTimer(
            FunctionNames.RetrainSupportIntents,
            FunctionSettings.SupportIntentsRetrainSchedule,
            FunctionSettings.DefaultSupportIntentsRetrainSchedule,
            typeof(RetrainSupportIntentsHandler)),
    ];

    public static IEnumerable<FunctionDefinition> Http => All.Where(f => f.Trigger == TriggerKind.Http);

    public static IEnumerable<FunctionDefinition> Queues => All.Where(f => f.Trigger == TriggerKind.Queue);

    public static IEnumerable<FunctionDefinition> Timers => All.Where(f => f.Trigger == TriggerKind.Timer);

    public static FunctionDefinition Get(string name) =>
        All.FirstOrDefault(f => f.Name == name) ?? throw new KeyNotFoundException($"No function named '{name}' in the catalogue.");

    /// <summary>
    /// The queue a queue function reads: its setting when set, else the default. A name the Storage service would
    /// refuse, or whose <c>-poison</c> twin it would refuse (so 3-56 lower-case letters, digits and single hyphens),
    /// stops the host with a message naming the setting.
    /// </summary>
    public static string QueueName(IConfiguration configuration, FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var binding = function.Queue ?? throw new ArgumentException($"{function.Name} is not a queue function.", nameof(function));
        var configured = configuration[binding.QueueNameSetting];
        var name = string.IsNullOrWhiteSpace(configured) ? binding.DefaultQueueName : configured.Trim();
        if (!QueueNamePattern().IsMatch(name))
        {
            throw new FormatException(
                $"{binding.QueueNameSetting} must be a Storage queue name: 3 to 56 lower-case letters, digits and single hyphens " +
                $"(63 with the '-poison' suffix), starting and ending with a letter or digit (was '{name}').");
        }

        return name;
    }

    /// <summary>The NCRONTAB schedule of a timer function: its setting when set, else the default.</summary>
    public static string Schedule(IConfiguration configuration, FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var binding = function.Timer ?? throw new ArgumentException($"{function.Name} is not a timer function.", nameof(function));
        var configured = configuration[binding.ScheduleSetting];
        return string.IsNullOrWhiteSpace(configured) ? binding.DefaultSchedule : configured.Trim();
    }

    [GeneratedRegex("^(?=.{3,56}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueNamePattern();
}
