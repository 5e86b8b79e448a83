using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Archive;
using Serverless.Infrastructure.Storage;
using Serverless.Testing;

namespace Serverless.LocalHost.Tests.EndToEnd;

/// <summary>
/// A LocalHost for the recommendation end-to-end tests: like <see cref="EndToEndHost"/> (fixed queue names, so run in
/// the emulator collection), but with an archive, model and training container of its own, so a retraining run sees
/// only this test's events and versions.
/// </summary>
internal sealed class RecommendationsEndToEndHost : IAsyncDisposable
{
    public const string Key = "recommendations-e2e-function-key";

    private readonly BlobStorageClient _blobs;
    private readonly string[] _containers;

    private RecommendationsEndToEndHost(RunningLocalHost host, QueueStorageClient queues, BlobStorageClient blobs, string[] containers)
    {
        Host = host;
        Queues = queues;
        Client = host.CreateClient(Key);
        _blobs = blobs;
        _containers = containers;
    }

    public RunningLocalHost Host { get; }

    public QueueStorageClient Queues { get; }

    public HttpClient Client { get; }

    public static async Task<RecommendationsEndToEndHost> StartAsync(EmulatorFixture emulators, IDictionary<string, string?> settings)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var archive = "e2e-archive-" + suffix;
        var containers = new[] { archive, "e2e-models-" + suffix, "e2e-training-" + suffix };
        var values = emulators.Settings();
        values["LocalHost:FunctionKey"] = Key;
        values["LocalHost:HostJsonPath"] = Path.Combine(RepositoryRoot.Path, "host.json");
        values["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00";
        values["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200";
        values["ModelRegistry:ContainerName"] = containers[1];
        values["ModelRegistry:TrainingContainerName"] = containers[2];
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var account = StorageAccount.Parse(emulators.StorageConnectionString);
        var queues = new QueueStorageClient(account);
        foreach (var queue in new[] { QueueNames.Events, QueueNames.Poison(QueueNames.Events), QueueNames.Catalog, QueueNames.Poison(QueueNames.Catalog), QueueNames.SegmentChanges })
        {
            await queues.CreateQueueIfNotExistsAsync(queue);
            await queues.ClearMessagesAsync(queue);
        }

        var host = await LocalHostApplication.StartAsync(
            "http://127.0.0.1:0",
            values,
            services => services.AddSingleton(new EventArchiveOptions { ContainerName = archive, WriterId = "e2e" }));
        return new RecommendationsEndToEndHost(host, queues, new BlobStorageClient(account), containers);
    }

    public async Task PostEventsAsync(IReadOnlyList<BehaviorEvent> events)
    {
        foreach (var batch in events.Chunk(200))
        {
            using var response = await Client.PostAsJsonAsync("api/events", batch, DomainJson.Options);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"POST /api/events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    public async Task SendCatalogAsync(IEnumerable<Product> products)
    {
        foreach (var product in products)
        {
            await Queues.SendMessageAsync(QueueNames.Catalog, JsonSerializer.Serialize(new CatalogMessage { Product = product }, DomainJson.Options));
        }
    }

    /// <summary>
    /// Waits until the archive holds <paramref name="count"/> distinct events: a drained queue is not enough, since
    /// Azurite's approximate count leaves out messages being processed.
    /// </summary>
    public async Task WaitForArchivedAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(300);
        var seen = 0;
        while (DateTime.UtcNow < deadline)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                await foreach (var blob in _blobs.ListBlobsAsync(_containers[0]))
                {
                    var content = await _blobs.GetBlobAsync(_containers[0], blob.Name);
                    foreach (var line in (content?.Content.ToString() ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        ids.Add(JsonDocument.Parse(line).RootElement.GetProperty("eventId").GetString()!);
                    }
                }
            }
            catch (StorageRequestFailedException exception) when (exception.ErrorCode == StorageErrorCodes.ContainerNotFound)
            {
                // Nothing archived yet.
            }

            seen = ids.Count;
            if (seen >= count)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The archive holds {seen} of {count} events.");
    }

    /// <summary>Waits until the catalog container holds <paramref name="count"/> products.</summary>
    public async Task WaitForCatalogAsync(int count)
    {
        var catalog = (ICatalogRepository)Host.Services.GetService(typeof(ICatalogRepository))!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(300);
        while (await catalog.ReadAllAsync(CancellationToken.None).CountAsync() < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The catalog did not reach {count} products.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>GET as JSON, asserting the status.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<JsonElement> PostJsonAsync(string path, string? json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var content = json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(path, content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        foreach (var container in _containers)
        {
            await _blobs.DeleteContainerIfExistsAsync(container);
        }
    }
}
