using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Catalog;
using Serverless.Application.Events;
using Serverless.Application.Forecasts;
using Serverless.Application.Health;
using Serverless.Application.Hosting;
using Serverless.Application.Profiles;
using Serverless.Application.Recommendations;
using Serverless.Application.Segments;
using Serverless.Application.Support;
using Serverless.Application.Telemetry;
using Serverless.Application.Training;
using Serverless.Domain.Profiles;

namespace Serverless.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the use cases (sealed handlers, singletons) and their options (<c>Profiles</c>, <c>Ingestion</c>,
    /// validated at start-up). The ports they use (repositories, archive, publisher, health probes) come from
    /// <c>AddInfrastructure</c>; <see cref="TimeProvider"/> defaults to the system clock.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ProfileOptions>().Bind(configuration.GetSection(ProfileOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProfileOptions>, ProfileOptionsValidator>());
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new ConfiguredQueueNames(configuration));
        services.TryAddSingleton(provider => new ApplicationMetrics(provider.GetService<IMeterFactory>()));
        services.TryAddSingleton(provider => new InvocationTelemetry(
            provider.GetRequiredService<ApplicationMetrics>(),
            provider.GetRequiredService<ConfiguredQueueNames>(),
            configuration,
            provider.GetRequiredService<ILogger<InvocationTelemetry>>()));
        services.TryAddSingleton<RfmThresholdsProvider>();
        services.TryAddSingleton<SegmentMembershipUpdater>();

        services.TryAddSingleton<IngestEventsHandler>();
        services.TryAddSingleton<ProcessEventMessageHandler>();
        services.TryAddSingleton<ProcessCatalogMessageHandler>();
        services.TryAddSingleton<GetProfileHandler>();
        services.TryAddSingleton<ListSegmentsHandler>();
        services.TryAddSingleton<ListSegmentMembersHandler>();
        services.TryAddSingleton<RecomputeRfmThresholdsHandler>();
        services.TryAddSingleton<HealthCheckHandler>();
        // Shared by every model's retraining job (recommender, support intents).
        services.TryAddSingleton<ModelPublisher>();
        AddRecommendations(services, configuration);
        AddForecasts(services, configuration);
        AddSupport(services, configuration);
        return services;
    }

    /// <summary>The customer-service assistant (<c>Support</c>): dialogues, models, knowledge base and its two routes.</summary>
    private static void AddSupport(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SupportOptions>().Bind(configuration.GetSection(SupportOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SupportOptions>, SupportOptionsValidator>());
        services.TryAddSingleton<SupportTrainingData>();
        services.TryAddSingleton<SupportIntentModelProvider>();
        services.TryAddSingleton<SentimentAnalyzer>();
        services.TryAddSingleton<KnowledgeBaseProvider>();
        services.TryAddSingleton<KnowledgeAnswerer>();
        services.TryAddSingleton<OrderResolver>();
        services.TryAddSingleton<OrderTrackingDialogue>();
        services.TryAddSingleton<OrderCancellationDialogue>();
        services.TryAddSingleton<RefundDialogue>();
        services.TryAddSingleton<ProductSearchDialogue>();
        services.TryAddSingleton<RecommendationDialogue>();
        services.TryAddSingleton<KnowledgeDialogue>();
        services.TryAddSingleton<ReplyRephraser>();
        services.TryAddSingleton<ReplyToCustomerHandler>();
        services.TryAddSingleton<GetConversationHandler>();
        services.TryAddSingleton<SupportIntentRetrainingJob>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetrainingJob, SupportIntentRetrainingJob>(provider => provider.GetRequiredService<SupportIntentRetrainingJob>()));
        services.TryAddSingleton<RetrainSupportIntentsHandler>();
    }

    /// <summary>The recommender: serving (<c>Recommendations</c>), retraining and the model admin (<c>Recommendations:Training</c>).</summary>
    private static void AddRecommendations(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecommendationOptions>().Bind(configuration.GetSection(RecommendationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecommendationOptions>, RecommendationOptionsValidator>());
        services.AddOptions<RecommenderTrainingOptions>().Bind(configuration.GetSection(RecommenderTrainingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecommenderTrainingOptions>, RecommenderTrainingOptionsValidator>());
        services.TryAddSingleton(_ => new TrainerSettings(configuration.GetSection(RecommenderTrainingOptions.SectionName)));

        services.TryAddSingleton<ServingModelProvider>();
        services.TryAddSingleton<CatalogViewProvider>();
        services.TryAddSingleton<GetRecommendationsHandler>();
        services.TryAddSingleton<GetSimilarProductsHandler>();
        services.TryAddSingleton<GetTrendingProductsHandler>();

        services.TryAddSingleton<InteractionSnapshotMerger>();
        services.TryAddSingleton<RecommenderRetrainingJob>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetrainingJob, RecommenderRetrainingJob>(provider => provider.GetRequiredService<RecommenderRetrainingJob>()));
        services.TryAddSingleton<RetrainRecommenderHandler>();
        services.TryAddSingleton<RetrainModelHandler>();
        services.TryAddSingleton<ListModelsHandler>();
        services.TryAddSingleton<ListModelVersionsHandler>();
        services.TryAddSingleton<RollbackModelHandler>();
    }

    /// <summary>Demand forecasting: serving, the nightly refresh and its queue workers (<c>Forecasts</c>).</summary>
    private static void AddForecasts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForecastOptions>().Bind(configuration.GetSection(ForecastOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ForecastOptions>, ForecastOptionsValidator>());

        services.TryAddSingleton<DemandHistoryLoader>();
        services.TryAddSingleton<DemandHistoryProvider>();
        services.TryAddSingleton<SeriesForecaster>();
        services.TryAddSingleton<ForecastModelCache>();
        services.TryAddSingleton<ForecastService>();
        services.TryAddSingleton<GetProductForecastHandler>();
        services.TryAddSingleton<GetCategoryForecastHandler>();
        services.TryAddSingleton<GetTotalForecastHandler>();
        services.TryAddSingleton<GetReorderPointHandler>();
        services.TryAddSingleton<RefreshForecastsHandler>();
        services.TryAddSingleton<ProcessForecastRequestHandler>();
    }
}
