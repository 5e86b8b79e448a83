using Serverless.Application.Catalog;
using Serverless.Application.Events;
using Serverless.Application.Segments;
using Serverless.Domain.Ports;
using Serverless.LocalHost.Configuration;
using Serverless.LocalHost.Queues;
using Serverless.LocalHost.Timers;

namespace Serverless.LocalHost;

/// <summary>The queue and timer functions of the Functions host, bound to the same handlers.</summary>
public static class LocalFunctions
{
    public static IReadOnlyList<QueueTrigger> QueueTriggers { get; } =
    [
        new(FunctionNames.ProcessEvent, QueueNames.Events, (services, message, cancellationToken) =>
            services.GetRequiredService<ProcessEventMessageHandler>().HandleAsync(message, cancellationToken)),
        new(FunctionNames.ProcessCatalog, QueueNames.Catalog, (services, message, cancellationToken) =>
            services.GetRequiredService<ProcessCatalogMessageHandler>().HandleAsync(message, cancellationToken)),
    ];

    public static IReadOnlyList<TimerTrigger> TimerTriggers(IConfiguration configuration) =>
    [
        new(
            FunctionNames.RecomputeRfmThresholds,
            CronSchedule.Parse(
                configuration[LocalHostSettings.RfmRecomputeSchedule] ?? LocalHostSettings.DefaultRfmRecomputeSchedule,
                LocalHostSettings.RfmRecomputeSchedule),
            LocalHostSettings.IsTrue(configuration[LocalHostSettings.RunOnStartup(FunctionNames.RecomputeRfmThresholds)]),
            async (services, cancellationToken) =>
            {
                var report = await services.GetRequiredService<RecomputeRfmThresholdsHandler>().HandleAsync(cancellationToken);
                services.GetRequiredService<ILoggerFactory>()
                    .CreateLogger(typeof(LocalFunctions))
                    .LogInformation("{Function} report: {Report}", FunctionNames.RecomputeRfmThresholds, report);
            }),
    ];
}
