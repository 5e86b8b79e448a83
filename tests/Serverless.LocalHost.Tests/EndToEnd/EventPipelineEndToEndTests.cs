using System.Net;
using System.Text.Json;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.EndToEnd;

/// <summary>Events posted over real HTTP, carried by real Azurite queues, stored in the real Cosmos server.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class EventPipelineEndToEndTests(EmulatorFixture emulators)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task PostedEvents_MakeProfileAndSegmentVisible()
    {
        await using var host = await EndToEndHost.StartAsync(emulators);
        var user = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        await host.PostAcceptedAsync(
        [
            EndToEndHost.View(user, "P-1", Now.AddMinutes(-30), category: "Kitchen"),
            EndToEndHost.View(user, "P-2", Now.AddMinutes(-20), category: "Garden"),
            EndToEndHost.Purchase(user, "O-" + user, Now.AddMinutes(-10),
                new OrderLine { ProductId = "P-1", Quantity = 2, UnitPrice = 12.50m, Category = "Kitchen" }),
        ]);

        var profile = await host.WaitForProfileAsync(user, p => p.GetProperty("orderCount").GetInt32() == 1
            && EndToEndHost.Count(p, "view") == 2);
        Assert.Equal(25.00m, profile.GetProperty("netRevenue").GetDecimal());
        Assert.Equal("Kitchen", profile.GetProperty("categoryAffinity")[0].GetProperty("name").GetString());
        var segmentId = profile.GetProperty("segmentId").GetString();
        Assert.False(string.IsNullOrEmpty(segmentId));

        // Membership is written just after the profile, so the segment may lag the profile by a moment.
        JsonElement segment = default;
        JsonElement members = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var segments = JsonDocument.Parse(await host.Client.GetStringAsync("api/segments"));
            segment = segments.RootElement.GetProperty("segments").EnumerateArray()
                .Single(s => s.GetProperty("id").GetString() == segmentId).Clone();
            using var page = JsonDocument.Parse(await host.Client.GetStringAsync($"api/segments/{segmentId}/members"));
            members = page.RootElement.GetProperty("items").Clone();
            if (segment.GetProperty("size").GetInt64() >= 1 && members.EnumerateArray().Any(m => m.GetProperty("userId").GetString() == user))
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(1, segment.GetProperty("size").GetInt64());
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("userId").GetString() == user);

        // The change was published for marketing automation.
        var changes = await host.QueueClient.PeekMessagesAsync(QueueNames.SegmentChanges, 32);
        Assert.Contains(changes, m => m.Body.Contains(user, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameEventDeliveredTwice_IsCountedOnce()
    {
        await using var host = await EndToEndHost.StartAsync(emulators);
        var user = "dup-" + Guid.NewGuid().ToString("N")[..8];
        var view = EndToEndHost.View(user, "P-9", Now.AddMinutes(-5), eventId: "dup-event-" + user);
        var purchase = EndToEndHost.Purchase(user, "O-" + user, Now.AddMinutes(-4),
            new OrderLine { ProductId = "P-9", Quantity = 1, UnitPrice = 40m });

        await host.PostAcceptedAsync([view, purchase]);
        await host.WaitForProfileAsync(user, p => p.GetProperty("orderCount").GetInt32() == 1);
        await host.PostAcceptedAsync([view, purchase]);
        await host.PostAcceptedAsync([purchase]);
        await host.WaitForQueueDrainedAsync(QueueNames.Events);

        var profile = await host.WaitForProfileAsync(user, _ => true);
        Assert.Equal(1, EndToEndHost.Count(profile, "view"));
        Assert.Equal(1, EndToEndHost.Count(profile, "purchase"));
        Assert.Equal(1, profile.GetProperty("orderCount").GetInt32());
        Assert.Equal(40m, profile.GetProperty("grossRevenue").GetDecimal());
    }

    [Fact]
    public async Task TwoHundredConcurrentEventsForOneUser_GiveExactCounters()
    {
        await using var host = await EndToEndHost.StartAsync(emulators);
        var user = "hot-" + Guid.NewGuid().ToString("N")[..8];
        var events = Enumerable.Range(0, 200)
            .Select(i => EndToEndHost.View(user, "P-" + (i % 7), Now.AddSeconds(-i), category: i % 2 == 0 ? "Toys" : "Books"))
            .ToList();

        // Twenty concurrent requests of ten events; the listener then works on up to 16 messages at a time.
        await Task.WhenAll(events.Chunk(10).Select(chunk => host.PostAcceptedAsync(chunk)));

        var profile = await host.WaitForProfileAsync(user, p => EndToEndHost.Count(p, "view") >= 200, TimeSpan.FromMinutes(3));
        await host.WaitForQueueDrainedAsync(QueueNames.Events);
        profile = await host.WaitForProfileAsync(user, _ => true);
        Assert.Equal(200, EndToEndHost.Count(profile, "view"));
        Assert.Equal(0, await host.QueueClient.GetApproximateMessageCountAsync(QueueNames.Poison(QueueNames.Events)));
    }

    [Fact]
    public async Task MalformedMessage_EndsInPoisonQueueAfterDequeueCount_AndChangesNothing()
    {
        await using var host = await EndToEndHost.StartAsync(emulators);
        var user = "poison-" + Guid.NewGuid().ToString("N")[..8];
        // Valid JSON with a contract violation (a purchase without lines), and a message that is not JSON at all.
        var invalid = $$"""{"eventId":"bad-{{user}}","userId":"{{user}}","type":"purchase","occurredAt":"{{Now:O}}","orderId":"O-1","currency":"GBP"}""";
        await host.QueueClient.SendMessageAsync(QueueNames.Events, invalid);
        await host.QueueClient.SendMessageAsync(QueueNames.Events, "{ this is not json");

        var poisonQueue = QueueNames.Poison(QueueNames.Events);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await host.QueueClient.GetApproximateMessageCountAsync(poisonQueue) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var poisoned = await host.QueueClient.PeekMessagesAsync(poisonQueue, 32);
        Assert.Equal(2, poisoned.Count);
        Assert.Contains(poisoned, m => m.Body == invalid);
        Assert.Contains(poisoned, m => m.Body == "{ this is not json");
        await host.WaitForQueueDrainedAsync(QueueNames.Events);
        Assert.Null(await host.GetProfileAsync(user));
    }

    [Fact]
    public async Task CatalogMessage_UpsertsProduct_AndOlderUpsertDoesNotOverwrite()
    {
        await using var host = await EndToEndHost.StartAsync(emulators);
        var productId = "SKU-" + Guid.NewGuid().ToString("N")[..8];
        var newer = new CatalogMessage { Product = new Product { ProductId = productId, Title = "Teapot, blue", Category = "Kitchen", Price = 19.99m, UpdatedAt = Now } };
        var older = new CatalogMessage { Product = newer.Product with { Title = "Teapot (old title)", UpdatedAt = Now.AddHours(-1) } };
        await host.QueueClient.SendMessageAsync(QueueNames.Catalog, JsonSerializer.Serialize(newer, DomainJson.Options));
        await host.QueueClient.SendMessageAsync(QueueNames.Catalog, JsonSerializer.Serialize(older, DomainJson.Options));
        await host.WaitForQueueDrainedAsync(QueueNames.Catalog);

        var catalog = (ICatalogRepository)host.Host.Services.GetService(typeof(ICatalogRepository))!;
        Versioned<Product>? stored = null;
        for (var i = 0; i < 100 && stored is null; i++)
        {
            stored = await catalog.GetAsync(productId, CancellationToken.None);
            await Task.Delay(100);
        }

        Assert.NotNull(stored);
        Assert.Equal("Teapot, blue", stored.Value.Title);
        Assert.Equal(0, await host.QueueClient.GetApproximateMessageCountAsync(QueueNames.Poison(QueueNames.Catalog)));
    }

    [Fact]
    public async Task Health_IsAnonymousAndReportsDependencies()
    {
        await using var host = await EndToEndHost.StartAsync(emulators);
        using var response = await host.Anonymous.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("cosmos", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("storage", body, StringComparison.OrdinalIgnoreCase);
    }
}
