using Serverless.Application.Catalog;
using Serverless.Application.Events;
using Serverless.Application.Forecasts;
using Serverless.Application.Hosting;
using Serverless.Application.Segments;
using Serverless.Application.Support;
using Serverless.Application.Training;
using Serverless.LocalHost.Configuration;
using Serverless.LocalHost.Queues;
using Serverless.LocalHost.Timers;

namespace Serverless.LocalHost;

/// <summary>
/// The queue and timer functions of <see cref="FunctionCatalog"/>, bound to their handlers: names, queues (the
/// <c>%Setting%</c> of each queue function) and schedules come from the catalogue and the app settings, the same as in
/// the Functions host. A catalogue entry without a binding here (or a binding without an entry) stops the host.
/// </summary>
public static class LocalFunctions
{
    /// <summary>What each queue function does with a message's text, by function name.</summary>
    private static readonly Dictionary<string, Func<IServiceProvider, string, CancellationToken, Task>> QueueBindings = new()
    {
        [FunctionNames.ProcessEvent] = (services, message, cancellationToken) =>
            services.GetRequiredService<ProcessEventMessageHandler>().HandleAsync(message, cancellationToken),
        [FunctionNames.ProcessCatalog] = (services, message, cancellationToken) =>
            services.GetRequiredService<ProcessCatalogMessageHandler>().HandleAsync(message, cancellationToken),
        [FunctionNames.ProcessForecastRequest] = (services, message, cancellationToken) =>
            services.GetRequiredService<ProcessForecastRequestHandler>().HandleAsync(message, cancellationToken),
    };

    /// <summary>What each timer function runs, by function name.</summary>
    private static readonly Dictionary<string, Func<IServiceProvider, CancellationToken, Task>> TimerBindings = new()
    {
        [FunctionNames.RecomputeRfmThresholds] = async (services, cancellationToken) =>
        {
            var report = await services.GetRequiredService<RecomputeRfmThresholdsHandler>().HandleAsync(cancellationToken);
            services.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(LocalFunctions))
                .LogInformation("{Function} report: {Report}", FunctionNames.RecomputeRfmThresholds, report);
        },
        [FunctionNames.RetrainRecommender] = async (services, cancellationToken) =>
        {
            var report = await services.GetRequiredService<RetrainRecommenderHandler>().HandleAsync(cancellationToken);
            services.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(LocalFunctions))
                .LogInformation("{Function} report: {Report}", FunctionNames.RetrainRecommender, report);
        },
        [FunctionNames.RefreshForecasts] = async (services, cancellationToken) =>
        {
            var report = await services.GetRequiredService<RefreshForecastsHandler>().HandleAsync(cancellationToken);
            services.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(LocalFunctions))
                .LogInformation("{Function} report: {Report}", FunctionNames.RefreshForecasts, report);
        },
        [FunctionNames.RetrainSupportIntents] = async (services, cancellationToken) =>
        {
            var report = await services.GetRequiredService<RetrainSupportIntentsHandler>().HandleAsync(cancellationToken);
            services.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(LocalFunctions))
                .LogInformation("{Function} report: {Report}", FunctionNames.RetrainSupportIntents, report);
        },
    };

    public static IReadOnlyList<QueueTrigger> QueueTriggers(IConfiguration configuration)
    {
        EnsureBound(FunctionCatalog.Queues, QueueBindings.Keys, "queue");
        return FunctionCatalog.Queues
            .Select(f => new QueueTrigger(f.Name, FunctionCatalog.QueueName(configuration, f), QueueBindings[f.Name]))
            .ToList();
    }

    public static IReadOnlyList<TimerTrigger> TimerTriggers(IConfiguration configuration)
    {
        EnsureBound(FunctionCatalog.Timers, TimerBindings.Keys, "timer");
        return FunctionCatalog.Timers
            .Select(f => new TimerTrigger(
                f.Name,
                CronSchedule.Parse(FunctionCatalog.Schedule(configuration, f), f.Timer!.ScheduleSetting),
                LocalHostSettings.IsTrue(configuration[LocalHostSettings.RunOnStartup(f.Name)]),
                TimerBindings[f.Name]))
            .ToList();
    }

    /// <summary>Stops the host when the local bindings of one trigger kind differ from <see cref="FunctionCatalog"/>.</summary>
    internal static void EnsureBound(IEnumerable<FunctionDefinition> functions, IEnumerable<string> bound, string kind, string bindingsIn = nameof(LocalFunctions))
    {
        var declared = functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var missing = declared.Except(bound).ToList();
        var extra = bound.Except(declared).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidOperationException(
                $"The local {kind} functions must match FunctionCatalog: missing {Describe(missing)}, not in the catalogue {Describe(extra)}. " +
                $"Bind each catalogue entry in {bindingsIn}.");
        }
    }

    private static string Describe(List<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
