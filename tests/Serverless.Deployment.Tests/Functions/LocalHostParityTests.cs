using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Application.Events;
using Serverless.Application.Hosting;
using Serverless.Domain.Ports;
using Serverless.LocalHost;
using FunctionNames = Serverless.Application.Hosting.FunctionNames;
using Serverless.LocalHost.Queues;
using Serverless.LocalHost.Startup;
using Serverless.LocalHost.Timers;
using Serverless.Testing;
using Xunit;

namespace Serverless.Deployment.Tests.Functions;

/// <summary>
/// LocalHost follows the same catalogue as the Functions app: its HTTP endpoints, queue listeners and timers are the
/// catalogue's, named the same, on the routes, keys, queues and schedules the settings give. The host is built but not
/// started, so no emulator is needed.
/// </summary>
public sealed class LocalHostParityTests
{
    [Fact]
    public async Task LocalHost_maps_exactly_the_catalogue_HTTP_functions_with_their_methods_routes_and_keys()
    {
        await using var app = Build();

        var mapped = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .Select(e => (
                Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName,
                Methods: string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []),
                Route: e.RoutePattern.RawText ?? string.Empty,
                Anonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .OrderBy(e => e.Name)
            .ToList();
        var expected = FunctionCatalog.Http
            .Select(f => (f.Name, f.Http!.Method, "/api/" + f.Http.Route, f.Http.Authorization == HttpAuthorization.Anonymous))
            .OrderBy(e => e.Name)
            .ToList();

        Assert.Equal(expected, mapped);
    }

    [Fact]
    public async Task LocalHost_listens_to_the_catalogue_queues_and_schedules_the_catalogue_timers_by_their_default_settings()
    {
        await using var app = Build();
        var hosted = app.Services.GetServices<IHostedService>().ToList();

        var listeners = hosted.OfType<QueueListener>().Select(l => (l.Trigger.FunctionName, l.Trigger.QueueName)).OrderBy(t => t.FunctionName);
        var timers = hosted.OfType<TimerTriggerService>().Select(t => (t.Trigger.FunctionName, t.Trigger.Schedule.Expression)).OrderBy(t => t.FunctionName);

        Assert.Equal(FunctionCatalog.Queues.Select(f => (f.Name, f.Queue!.DefaultQueueName)).OrderBy(t => t.Name), listeners);
        Assert.Equal(FunctionCatalog.Timers.Select(f => (f.Name, f.Timer!.DefaultSchedule)).OrderBy(t => t.Name), timers);
        Assert.Equal((QueueNames.Events, QueueNames.Catalog), (FunctionCatalog.Get(FunctionNames.ProcessEvent).Queue!.DefaultQueueName, FunctionCatalog.Get(FunctionNames.ProcessCatalog).Queue!.DefaultQueueName));
    }

    [Fact]
    public async Task Queue_name_and_schedule_settings_move_the_listeners_the_created_queues_and_the_events_producer_together()
    {
        var published = new List<string>();
        await using var app = Build(
            new Dictionary<string, string?>
            {
                [FunctionSettings.EventsQueueName] = "tenant-a-events",
                [FunctionSettings.CatalogQueueName] = "tenant-a-catalog",
                [FunctionSettings.ForecastRequestsQueueName] = "tenant-a-forecast-requests",
                [FunctionSettings.RfmRecomputeSchedule] = "0 30 2 * * *",
            },
            services => services.AddSingleton<IMessagePublisher>(new RecordingPublisher(published)));
        var hosted = app.Services.GetServices<IHostedService>().ToList();

        Assert.Equal(
            ["tenant-a-catalog", "tenant-a-events", "tenant-a-forecast-requests"],
            hosted.OfType<QueueListener>().Select(l => l.Trigger.QueueName).Order());
        Assert.Equal(
            "0 30 2 * * *",
            Assert.Single(hosted.OfType<TimerTriggerService>(), t => t.Trigger.FunctionName == FunctionNames.RecomputeRfmThresholds).Trigger.Schedule.Expression);
        Assert.Superset(
            new HashSet<string>
            {
                "tenant-a-events", "tenant-a-events-poison", "tenant-a-catalog", "tenant-a-catalog-poison",
                "tenant-a-forecast-requests", "tenant-a-forecast-requests-poison",
            },
            QueueInitializationService.QueueNamesToCreate(app.Services.GetRequiredService<ConfiguredQueueNames>()).ToHashSet());

        var body = """{"eventId":"e-1","userId":"u-1","type":"view","occurredAt":"2025-06-01T08:00:00Z","productId":"p-1"}""";
        var result = await app.Services.GetRequiredService<IngestEventsHandler>().HandleAsync(
            new IngestRequest("application/json", body.Length, new MemoryStream(Encoding.UTF8.GetBytes(body))), CancellationToken.None);

        Assert.Equal(202, result.Status);
        Assert.Equal(["tenant-a-events"], published);
    }

    [Theory]
    [InlineData("Events")]
    [InlineData("ev")]
    [InlineData("two--hyphens")]
    [InlineData("a-queue-name-that-is-too-long-for-its-poison-twin-abcdefgh")]
    public void A_queue_name_setting_the_Storage_service_would_refuse_stops_the_host_naming_the_setting(string name)
    {
        var error = Assert.Throws<FormatException>(() => Build(new Dictionary<string, string?> { [FunctionSettings.EventsQueueName] = name }));

        Assert.Contains(FunctionSettings.EventsQueueName, error.Message);
    }

    [Fact]
    public void The_sample_settings_set_every_trigger_setting_of_the_catalogue_to_its_default()
    {
        var values = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")))!["Values"]!;

        foreach (var function in FunctionCatalog.Queues)
        {
            Assert.Equal(function.Queue!.DefaultQueueName, (string?)values[function.Queue.QueueNameSetting]);
        }

        foreach (var function in FunctionCatalog.Timers)
        {
            Assert.Equal(function.Timer!.DefaultSchedule, (string?)values[function.Timer.ScheduleSetting]);
        }
    }

    private static WebApplication Build(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["LocalHost:FunctionKey"] = "parity-test-function-key",
            ["LocalHost:HostJsonPath"] = Path.Combine(RepositoryRoot.Path, "host.json"),
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["CosmosDb:Endpoint"] = "https://127.0.0.1:8081/",
            ["CosmosDb:Key"] = EmulatorFixture.CosmosEmulatorKey,
            ["CosmosDb:Database"] = "parity",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return LocalHostApplication.Create([], new LocalHostOptions
        {
            Url = "http://127.0.0.1:0",
            Settings = values,
            LoadLocalSettings = false,
            ConfigureServices = configureServices,
        });
    }

    private sealed class RecordingPublisher(List<string> queues) : IMessagePublisher
    {
        public Task PublishAsync<T>(string queueName, T message, CancellationToken cancellationToken)
        {
            lock (queues)
            {
                queues.Add(queueName);
            }

            return Task.CompletedTask;
        }
    }
}
