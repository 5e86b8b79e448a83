using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Application.Hosting;
using Serverless.Application.Telemetry;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Messaging;
using Serverless.Infrastructure.Storage;
using Serverless.LocalHost;
using FunctionNames = Serverless.Application.Hosting.FunctionNames;
using Serverless.Testing;
using Xunit;

namespace Serverless.Deployment.Tests.Functions;

/// <summary>
/// LocalHost on the emulators with queues named by the settings: an event posted over HTTP is read from the configured
/// queue, every log line of its processing carries the invocation id, message id, event id and user id, and the
/// metrics count the invocations, the event, the segment change and a poisoned message.
/// </summary>
[Collection(ObservabilityEmulatorCollection.Name)]
public sealed class ObservabilityEndToEndTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private const string Key = "observability-test-function-key";

    private readonly string _eventsQueue = $"obs-events-{Guid.NewGuid():N}"[..28];
    private readonly string _catalogQueue = $"obs-catalog-{Guid.NewGuid():N}"[..28];
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<string> _segmentChanges = [];
    private QueueStorageClient _queues = null!;

    public Task InitializeAsync()
    {
        _queues = new QueueStorageClient(StorageAccount.Parse(emulators.StorageConnectionString));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var queue in new[] { _eventsQueue, _catalogQueue })
        {
            await _queues.DeleteQueueIfExistsAsync(queue);
            await _queues.DeleteQueueIfExistsAsync(QueueNames.Poison(queue));
        }
    }

    [Fact]
    public async Task Processing_is_correlated_in_the_logs_and_counted_in_the_metrics()
    {
        using var metrics = new MeasurementRecorder(meter => meter.Name == ApplicationMetrics.MeterName);
        await using var host = await StartAsync();
        using var client = host.CreateClient(Key);
        var userId = "obs-" + Guid.NewGuid().ToString("N")[..12];
        var view = new BehaviorEvent
        {
            EventId = "obs-view-" + Guid.NewGuid().ToString("N")[..12],
            UserId = userId,
            Type = BehaviorEventType.View,
            OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            ProductId = "p-1",
        };

        using (var response = await client.PostAsJsonAsync("api/events", new[] { view }, DomainJson.Options))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await WaitAsync(async () => (await client.GetAsync($"api/users/{userId}/profile")).StatusCode == HttpStatusCode.OK, "the profile");
        await _queues.SendMessageAsync(_eventsQueue, "this is not an event");
        await WaitAsync(async () => (await _queues.PeekMessagesAsync(QueueNames.Poison(_eventsQueue), 1)).Count == 1, "the poisoned message");

        var processed = Assert.Single(_logs.Entries, e => e.Category.EndsWith("ProcessEventMessageHandler", StringComparison.Ordinal) && e.Message.StartsWith("Processed", StringComparison.Ordinal));
        Assert.Equal(FunctionNames.ProcessEvent, processed.Scope["Function"]);
        Assert.Equal(view.EventId, processed.Scope["EventId"]);
        Assert.Equal(userId, processed.Scope["UserId"]);
        Assert.False(string.IsNullOrEmpty(processed.Scope["InvocationId"]?.ToString()));
        Assert.False(string.IsNullOrEmpty(processed.Scope["MessageId"]?.ToString()));
        var queued = Assert.Single(_logs.Entries, e => e.Category.EndsWith("IngestEventsHandler", StringComparison.Ordinal) && e.Message.StartsWith("Queued", StringComparison.Ordinal));
        Assert.Equal(FunctionNames.IngestEvents, queued.Scope["Function"]);
        Assert.False(string.IsNullOrEmpty(queued.Scope["InvocationId"]?.ToString()));

        Assert.NotEmpty(metrics.Of("serverless.function.duration", ("function", "IngestEvents"), ("trigger", "http"), ("outcome", "succeeded")));
        Assert.NotEmpty(metrics.Of("serverless.function.duration", ("function", "ProcessEvent"), ("trigger", "queue"), ("outcome", "succeeded")));
        Assert.Equal(2, metrics.Of("serverless.function.duration", ("function", "ProcessEvent"), ("outcome", "rejected")).Count);
        Assert.Single(metrics.Of("serverless.messages.poisoned", ("function", "ProcessEvent"), ("queue", _eventsQueue)));
        Assert.Single(metrics.Of("serverless.events.processed", ("event.type", "view"), ("outcome", "applied")));
        lock (_segmentChanges)
        {
            Assert.NotEmpty(_segmentChanges);
            Assert.Equal(_segmentChanges.Count, metrics.Of("serverless.segments.changes").Count);
        }
    }

    private async Task<RunningLocalHost> StartAsync()
    {
        var settings = emulators.Settings();
        settings["LocalHost:FunctionKey"] = Key;
        settings["LocalHost:HostJsonPath"] = Path.Combine(RepositoryRoot.Path, "host.json");
        settings[FunctionSettings.EventsQueueName] = _eventsQueue;
        settings[FunctionSettings.CatalogQueueName] = _catalogQueue;
        settings[$"AzureWebJobs.{FunctionNames.RecomputeRfmThresholds}.Disabled"] = "true";
        settings["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00";
        settings["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200";
        settings["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2";
        return await LocalHostApplication.StartAsync("http://127.0.0.1:0", settings, services =>
        {
            services.AddSingleton<ILoggerProvider>(_logs);
            // Segment changes go to the fixed segment-changes queue that other test assemblies read: keep them here.
            services.AddSingleton<IMessagePublisher>(provider =>
                new SegmentChangeCapture(ActivatorUtilities.CreateInstance<QueueMessagePublisher>(provider), _segmentChanges));
        });
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    private sealed class SegmentChangeCapture(IMessagePublisher inner, List<string> captured) : IMessagePublisher
    {
        public Task PublishAsync<T>(string queueName, T message, CancellationToken cancellationToken)
        {
            if (queueName != QueueNames.SegmentChanges)
            {
                return inner.PublishAsync(queueName, message, cancellationToken);
            }

            lock (captured)
            {
                captured.Add(queueName);
            }

            return Task.CompletedTask;
        }
    }
}
