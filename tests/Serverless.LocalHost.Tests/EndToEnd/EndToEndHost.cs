using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Storage;
using Serverless.Testing;

namespace Serverless.LocalHost.Tests.EndToEnd;

/// <summary>
/// One LocalHost on a free loopback port over the real emulators, with a database of its own and empty queues.
/// The queue names are the product's fixed names, so end-to-end tests run one at a time (one xunit collection).
/// </summary>
internal sealed class EndToEndHost : IAsyncDisposable
{
    public const string Key = "end-to-end-test-function-key";

    private static readonly string[] Queues =
    [
        QueueNames.Events, QueueNames.Poison(QueueNames.Events), QueueNames.Catalog, QueueNames.Poison(QueueNames.Catalog),
        QueueNames.SegmentChanges,
    ];

    private EndToEndHost(RunningLocalHost host, QueueStorageClient queues)
    {
        Host = host;
        QueueClient = queues;
        Client = host.CreateClient(Key);
        Anonymous = host.CreateClient();
    }

    public RunningLocalHost Host { get; }

    public QueueStorageClient QueueClient { get; }

    /// <summary>Sends the function key.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no key.</summary>
    public HttpClient Anonymous { get; }

    public static async Task<EndToEndHost> StartAsync(EmulatorFixture emulators, IDictionary<string, string?>? settings = null)
    {
        var values = emulators.Settings();
        values["LocalHost:FunctionKey"] = Key;
        values["LocalHost:HostJsonPath"] = Path.Combine(RepositoryRoot.Path, "host.json");
        // Fast retries so that the poison path takes seconds, not minutes; the counts are those of host.json.
        values["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00";
        values["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200";
        values["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var queues = new QueueStorageClient(StorageAccount.Parse(emulators.StorageConnectionString));
        foreach (var queue in Queues)
        {
            await queues.CreateQueueIfNotExistsAsync(queue);
            await queues.ClearMessagesAsync(queue);
        }

        var host = await LocalHostApplication.StartAsync("http://127.0.0.1:0", values);
        return new EndToEndHost(host, queues);
    }

    public static BehaviorEvent View(string userId, string productId, DateTimeOffset at, string? eventId = null, string? category = null) => new()
    {
        EventId = eventId ?? Guid.NewGuid().ToString("N"),
        UserId = userId,
        Type = BehaviorEventType.View,
        OccurredAt = at,
        ProductId = productId,
        Category = category,
    };

    public static BehaviorEvent Purchase(string userId, string orderId, DateTimeOffset at, params OrderLine[] lines) => new()
    {
        EventId = "purchase-" + orderId,
        UserId = userId,
        Type = BehaviorEventType.Purchase,
        OccurredAt = at,
        OrderId = orderId,
        Currency = "GBP",
        Lines = lines,
    };

    public async Task<HttpResponseMessage> PostEventsAsync(IReadOnlyList<BehaviorEvent> events)
    {
        var response = await Client.PostAsJsonAsync("api/events", events, DomainJson.Options);
        return response;
    }

    public async Task PostAcceptedAsync(IReadOnlyList<BehaviorEvent> events)
    {
        using var response = await PostEventsAsync(events);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The profile as JSON, or null while it does not exist.</summary>
    public async Task<JsonElement?> GetProfileAsync(string userId)
    {
        using var response = await Client.GetAsync($"api/users/{Uri.EscapeDataString(userId)}/profile");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Polls the profile until <paramref name="condition"/> holds; returns it.</summary>
    public async Task<JsonElement> WaitForProfileAsync(string userId, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        JsonElement? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await GetProfileAsync(userId);
            if (last is { } profile && condition(profile))
            {
                return profile;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Profile {userId} did not reach the expected state; last seen: {last?.GetRawText() ?? "(none)"}");
    }

    /// <summary>Waits until the events queue is empty and no message is in flight (counts are approximate, so twice).</summary>
    public async Task WaitForQueueDrainedAsync(string queue, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var quietReads = 0;
        while (DateTime.UtcNow < deadline)
        {
            quietReads = await QueueClient.GetApproximateMessageCountAsync(queue) == 0 ? quietReads + 1 : 0;
            if (quietReads >= 3)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Queue {queue} did not drain.");
    }

    public static long Count(JsonElement profile, string eventType) =>
        profile.GetProperty("eventCounts").TryGetProperty(eventType, out var count) ? count.GetInt64() : 0;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await Host.DisposeAsync();
    }
}
