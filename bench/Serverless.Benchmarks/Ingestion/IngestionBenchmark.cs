using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Cosmos;
using Serverless.Infrastructure.Storage;
using Serverless.LocalHost;
using Serverless.Testing;

namespace Serverless.Benchmarks.Ingestion;

/// <summary>
/// Ingestion throughput through LocalHost (HTTP POST /api/events -> events queue -> queue listener -> Cosmos + archive),
/// beside the ceiling: the same Cosmos point operations per event sent straight to the same server with the same
/// concurrency, without HTTP, queues, archive or domain logic. Each run uses a database of its own.
/// </summary>
internal sealed class IngestionBenchmark(IngestionBenchmarkOptions options, TextWriter output)
{
    private const string Key = "benchmark-function-key-local-only";

    public async Task<IReadOnlyList<(IngestionRunResult Pipeline, IngestionRunResult Ceiling)>> RunAsync()
    {
        var emulators = new EmulatorFixture();
        await emulators.InitializeAsync();
        var results = new List<(IngestionRunResult, IngestionRunResult)>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var runId = $"{DateTime.UtcNow:HHmmss}r{run}";
            var events = SyntheticEventStream.Create(options.Events, options.Users, options.Seed + run, runId, DateTimeOffset.UtcNow);
            var (pipeline, ceiling) = await RunOnceAsync(emulators, events, runId);
            output.WriteLine(
                $"run {run}: pipeline {pipeline.EventsPerSecond:F1} events/s ({pipeline.RequestsPerEvent:F2} Cosmos requests/event, {pipeline.Elapsed.TotalSeconds:F1} s); " +
                $"ceiling {ceiling.EventsPerSecond:F1} events/s ({ceiling.RequestsPerEvent:F2} requests/event); ratio {pipeline.EventsPerSecond / ceiling.EventsPerSecond:F3}");
            results.Add((pipeline, ceiling));
        }

        return results;
    }

    private async Task<(IngestionRunResult, IngestionRunResult)> RunOnceAsync(EmulatorFixture emulators, IReadOnlyList<BehaviorEvent> events, string runId)
    {
        var settings = emulators.Settings();
        settings["LocalHost:FunctionKey"] = Key;
        settings["LocalHost:HostJsonPath"] = Path.Combine(RepositoryRoot.Path, "host.json");
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Archive:WriterId"] = "bench-" + runId;

        var queues = new QueueStorageClient(StorageAccount.Parse(emulators.StorageConnectionString));
        foreach (var queue in new[] { QueueNames.Events, QueueNames.Poison(QueueNames.Events), QueueNames.SegmentChanges })
        {
            await queues.CreateQueueIfNotExistsAsync(queue);
            await queues.ClearMessagesAsync(queue);
        }

        await using var host = await LocalHostApplication.StartAsync("http://127.0.0.1:0", settings, services =>
        {
            var registration = services.Single(s => s.ServiceType == typeof(IEventLog));
            services.Remove(registration);
            services.AddSingleton(provider => new CountingEventLog(
                (IEventLog)ActivatorUtilities.CreateInstance(provider, registration.ImplementationType!)));
            services.AddSingleton<IEventLog>(provider => provider.GetRequiredService<CountingEventLog>());
        });
        var counter = host.Services.GetRequiredService<CountingEventLog>();
        using var client = host.CreateClient(Key);

        // Warm-up outside the measurement: JIT, connections, first documents.
        var warmUp = SyntheticEventStream.Create(50, 10, options.Seed - 1, runId + "w", DateTimeOffset.UtcNow);
        await PostAsync(client, warmUp);
        await WaitProcessedAsync(() => counter.Processed, warmUp.Count);

        using var requests = new CosmosRequestCounter();
        var before = requests.Requests;
        var clock = Stopwatch.StartNew();
        await PostAsync(client, events);
        await WaitProcessedAsync(() => counter.Processed, warmUp.Count + events.Count);
        clock.Stop();
        var pipeline = new IngestionRunResult(events.Count, clock.Elapsed, requests.Requests - before);
        var poisoned = await queues.GetApproximateMessageCountAsync(QueueNames.Poison(QueueNames.Events));
        if (poisoned > 0)
        {
            throw new InvalidOperationException($"{poisoned} messages ended in the poison queue: the run is not valid.");
        }

        var ceiling = await RunCeilingAsync(host, events, requests);
        return (pipeline, ceiling);
    }

    /// <summary>
    /// Per event, the point operations the pipeline needs at the least: create the event document, read the profile,
    /// write the profile, mark the event processed; for purchases also read and write the order. Same documents'
    /// sizes (a real profile written by the pipeline), same concurrency as the queue listener's batch size.
    /// </summary>
    private async Task<IngestionRunResult> RunCeilingAsync(RunningLocalHost host, IReadOnlyList<BehaviorEvent> events, CosmosRequestCounter requests)
    {
        var cosmos = host.Services.GetRequiredService<CosmosClient>();
        var database = host.Services.GetRequiredService<CosmosSettings>().Database;
        var eventsContainer = cosmos.GetContainer(database, "events");
        var profilesContainer = cosmos.GetContainer(database, "profiles");
        var ordersContainer = cosmos.GetContainer(database, "orders");

        var sampleProfile = await SampleProfileAsync(host, events);
        var before = requests.Requests;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (e, ct) =>
        {
            var userId = "ceiling-" + e.UserId;
            var key = new PartitionKey(userId);
            var eventDocument = JsonSerializer.SerializeToNode(e, DomainJson.Options)!.AsObject();
            eventDocument["id"] = e.EventId;
            eventDocument["userId"] = userId;
            eventDocument["processed"] = false;
            await eventsContainer.CreateItemAsync(eventDocument, key, cancellationToken: ct);
            using (await profilesContainer.ReadItemStreamAsync(userId, key, cancellationToken: ct))
            {
            }

            var profile = sampleProfile.DeepClone().AsObject();
            profile["id"] = userId;
            profile["userId"] = userId;
            await profilesContainer.UpsertItemAsync(profile, key, new ItemRequestOptions { EnableContentResponseOnWrite = false }, ct);
            if (e.Type == BehaviorEventType.Purchase)
            {
                using (await ordersContainer.ReadItemStreamAsync(e.OrderId!, key, cancellationToken: ct))
                {
                }

                var order = JsonSerializer.SerializeToNode(e, DomainJson.Options)!.AsObject();
                order["id"] = e.OrderId;
                order["userId"] = userId;
                await ordersContainer.UpsertItemAsync(order, key, new ItemRequestOptions { EnableContentResponseOnWrite = false }, ct);
            }

            await eventsContainer.PatchItemAsync<JsonObject>(
                e.EventId, key, [PatchOperation.Set("/processed", true)], new PatchItemRequestOptions { EnableContentResponseOnWrite = false }, ct);
        });
        clock.Stop();
        return new IngestionRunResult(events.Count, clock.Elapsed, requests.Requests - before);
    }

    private static async Task<JsonObject> SampleProfileAsync(RunningLocalHost host, IReadOnlyList<BehaviorEvent> events)
    {
        // The busiest user's profile: the upper end of the sizes the pipeline writes.
        var busiest = events.GroupBy(e => e.UserId).MaxBy(g => g.Count())!.Key;
        var stored = await host.Services.GetRequiredService<IProfileRepository>().GetAsync(busiest, CancellationToken.None)
            ?? throw new InvalidOperationException($"No profile for {busiest} after the pipeline run.");
        return JsonSerializer.SerializeToNode(stored.Value, DomainJson.Options)!.AsObject();
    }

    private async Task PostAsync(HttpClient client, IReadOnlyList<BehaviorEvent> events)
    {
        await Parallel.ForEachAsync(events.Chunk(options.BatchSize), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
        {
            using var response = await client.PostAsJsonAsync("api/events", batch, DomainJson.Options, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /api/events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
    }

    private async Task WaitProcessedAsync(Func<long> processed, long expected)
    {
        var deadline = Stopwatch.StartNew();
        while (processed() < expected)
        {
            if (deadline.Elapsed > options.Timeout)
            {
                throw new TimeoutException($"Only {processed()} of {expected} events processed after {options.Timeout}.");
            }

            await Task.Delay(20);
        }
    }
}
