using System.Net;
using System.Text.Json;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.EndToEnd;

/// <summary>
/// The model lifecycle through the real host: events posted over HTTP, processed and archived through Azurite and
/// the Cosmos server, a retraining run triggered over HTTP, recommendations that change with each version and carry
/// reasons, and a rollback that brings the previous version's list back.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class RecommendationsEndToEndTests(EmulatorFixture emulators)
{
    private static readonly string[] Categories = ["Kitchen", "Garden", "Toys"];

    [Fact]
    public async Task Posted_events_a_retrain_over_http_and_a_rollback_drive_what_is_recommended()
    {
        await using var host = await RecommendationsEndToEndHost.StartAsync(emulators, new Dictionary<string, string?>
        {
            ["Recommendations:Training:Trainer"] = "ItemKnn",
            ["Recommendations:Training:HoldoutDays"] = "7",
            ["Recommendations:Training:MinimumHoldoutUsers"] = "3",
            ["Recommendations:ModelPollSeconds"] = "0",
            ["Recommendations:CatalogRefreshSeconds"] = "0",
            ["Recommendations:MaxPerCategory"] = "0",
        });
        var now = DateTimeOffset.UtcNow;
        var run = Guid.NewGuid().ToString("N")[..6];
        var alice = "alice-" + run;

        await host.SendCatalogAsync(Catalog(now.AddDays(-60)));
        List<BehaviorEvent> events = [.. ClusteredEvents(now, run, users: 24), View(alice, "K1", now.AddMinutes(-3)), View(alice, "K2", now.AddMinutes(-2))];
        await host.PostEventsAsync(events);
        await host.WaitForCatalogAsync(24);
        await host.WaitForArchivedAsync(events.Count);

        // Nothing trained and no snapshot yet: no popularity to go by, only the catalog's newest products.
        var before = await host.GetJsonAsync($"api/users/{alice}/recommendations?count=5");
        Assert.Equal("empty", before.GetProperty("source").GetString());
        Assert.All(before.GetProperty("items").EnumerateArray(), i => Assert.Equal("new in the catalog", i.GetProperty("reason").GetString()));
        Assert.Equal(5, before.GetProperty("items").GetArrayLength());

        var first = await host.PostJsonAsync("api/models/recommender/retrain", null);
        Assert.Equal("promoted", first.GetProperty("outcome").GetString());
        Assert.Equal(events.Count, first.GetProperty("eventsRead").GetInt64());
        var v1 = first.GetProperty("version").GetString()!;

        var withV1 = await host.GetJsonAsync($"api/users/{alice}/recommendations?count=5");
        Assert.Equal(v1, withV1.GetProperty("modelVersion").GetString());
        var top = withV1.GetProperty("items")[0];
        Assert.Equal("Kitchen", top.GetProperty("category").GetString());
        Assert.Matches("^because you viewed Kitchen item [12]$", top.GetProperty("reason").GetString());
        Assert.DoesNotContain(Ids(withV1), id => id is "K1" or "K2");

        // New behaviour: shoppers who view Kitchen item 1 now also take Toys item 8. A second run learns it.
        var cross = CrossShoppers(now, run);
        await host.PostEventsAsync(cross);
        await host.WaitForArchivedAsync(events.Count + cross.Count);
        var second = await host.PostJsonAsync("api/models/recommender/retrain", null);
        Assert.Equal("promoted", second.GetProperty("outcome").GetString());
        var v2 = second.GetProperty("version").GetString()!;

        // Only the archive hours that changed were read again.
        Assert.InRange(second.GetProperty("eventsRead").GetInt64(), 60, events.Count + 59);
        Assert.True(second.GetProperty("hoursReused").GetInt32() > 0);

        var withV2 = await host.GetJsonAsync($"api/users/{alice}/recommendations?count=5");
        Assert.Equal(v2, withV2.GetProperty("modelVersion").GetString());
        Assert.Contains("T8", Ids(withV2));
        Assert.DoesNotContain("T8", Ids(withV1));
        var t8 = withV2.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("productId").GetString() == "T8");
        Assert.Equal("because you viewed Kitchen item 1", t8.GetProperty("reason").GetString());

        var versions = await host.GetJsonAsync("api/models/recommender/versions");
        Assert.Equal(v2, versions.GetProperty("currentVersion").GetString());
        Assert.Equal([v2, v1], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.True(versions.GetProperty("versions")[0].GetProperty("metrics").GetProperty("ndcg@10").GetDouble() > 0);

        // Rollback is a pointer change: the previous version's list comes back as it was.
        var rollback = await host.PostJsonAsync("api/models/recommender/rollback", $$"""{"version":"{{v1}}"}""");
        Assert.Equal(v2, rollback.GetProperty("previousVersion").GetString());
        var afterRollback = await host.GetJsonAsync($"api/users/{alice}/recommendations?count=5");
        Assert.Equal(v1, afterRollback.GetProperty("modelVersion").GetString());

        // Same items, order and reasons; scores differ in the last digits because history weights decay by the second.
        Assert.Equal(Ranked(withV1), Ranked(afterRollback));

        var models = await host.GetJsonAsync("api/models");
        Assert.Equal(v1, models.GetProperty("models")[0].GetProperty("current").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Similar_trending_cold_start_and_bad_requests_over_http()
    {
        await using var host = await RecommendationsEndToEndHost.StartAsync(emulators, new Dictionary<string, string?>
        {
            ["Recommendations:Training:Trainer"] = "ItemKnn",
            ["Recommendations:Training:HoldoutDays"] = "7",
            ["Recommendations:Training:MinimumHoldoutUsers"] = "3",
            ["Recommendations:ModelPollSeconds"] = "0",
            ["Recommendations:CatalogRefreshSeconds"] = "0",
        });
        var now = DateTimeOffset.UtcNow;
        var run = Guid.NewGuid().ToString("N")[..6];
        await host.SendCatalogAsync(Catalog(now.AddDays(-60)));
        var events = ClusteredEvents(now, run, users: 24);
        await host.PostEventsAsync(events);
        await host.WaitForCatalogAsync(24);
        await host.WaitForArchivedAsync(events.Count);
        await host.PostJsonAsync("api/models/recommender/retrain", null);

        var similar = await host.GetJsonAsync("api/products/G1/similar?count=3");
        var trending = await host.GetJsonAsync("api/products/trending?count=4&category=Toys");
        var stranger = await host.GetJsonAsync("api/users/stranger-" + run + "/recommendations?count=6");
        var unknownProduct = await host.GetJsonAsync("api/products/NOPE/similar", HttpStatusCode.NotFound);
        var badCount = await host.GetJsonAsync("api/products/trending?count=abc", HttpStatusCode.BadRequest);
        var tooMany = await host.GetJsonAsync("api/users/x/recommendations?count=1000", HttpStatusCode.BadRequest);
        var badSegment = await host.GetJsonAsync("api/products/trending?segment=vip", HttpStatusCode.BadRequest);

        Assert.Equal("similar to Garden item 1", similar.GetProperty("items")[0].GetProperty("reason").GetString());
        Assert.Equal(3, similar.GetProperty("items").GetArrayLength());
        Assert.All(trending.GetProperty("items").EnumerateArray(), i => Assert.Equal("trending in Toys", i.GetProperty("reason").GetString()));
        Assert.Equal(6, stranger.GetProperty("items").GetArrayLength());
        Assert.All(stranger.GetProperty("items").EnumerateArray(), i => Assert.Equal("popular right now", i.GetProperty("reason").GetString()));

        // The diversity cap (3 per category by default) holds for the cold-start list too.
        Assert.All(stranger.GetProperty("items").EnumerateArray().GroupBy(i => i.GetProperty("category").GetString()), g => Assert.True(g.Count() <= 3));
        Assert.Equal(404, unknownProduct.GetProperty("status").GetInt32());
        Assert.True(badCount.GetProperty("errors").TryGetProperty("count", out _));
        Assert.True(tooMany.GetProperty("errors").TryGetProperty("count", out _));
        Assert.True(badSegment.GetProperty("errors").TryGetProperty("segment", out _));
    }

    private static List<(string?, string?)> Ranked(JsonElement response) =>
        response.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("productId").GetString(), i.GetProperty("reason").GetString())).ToList();

    private static IEnumerable<string> Ids(JsonElement response) =>
        response.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetString()!);

    private static IEnumerable<Product> Catalog(DateTimeOffset updatedAt) =>
        Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(1, 8).Select(i => new Product
        {
            ProductId = $"{Categories[c][0]}{i}",
            Title = $"{Categories[c]} item {i}",
            Category = Categories[c],
            Price = 5m,
            Currency = "GBP",
            InStock = true,
            UpdatedAt = updatedAt,
        }));

    /// <summary>Users who each shop in one category over the last 30 days (fixed seed), ten events each, a quarter purchases.</summary>
    private static List<BehaviorEvent> ClusteredEvents(DateTimeOffset now, string run, int users)
    {
        var random = new Random(11);
        var events = new List<BehaviorEvent>();
        for (var u = 0; u < users; u++)
        {
            var user = $"shopper-{run}-{u:D2}";
            for (var n = 0; n < 10; n++)
            {
                var c = random.NextDouble() < 0.9 ? u % 3 : random.Next(3);
                var product = $"{Categories[c][0]}{1 + (int)Math.Floor(7 * Math.Pow(random.NextDouble(), 1.5))}";
                var at = now.AddMinutes(-random.Next(60, 30 * 24 * 60));
                events.Add(random.NextDouble() < 0.25
                    ? Purchase(user, product, Categories[c], at, $"{user}-{n}")
                    : View(user, product, at) with { Category = Categories[c] });
            }
        }

        return events;
    }

    /// <summary>Twelve new shoppers over the last six days who view Kitchen item 1 and buy Toys item 8 (five events each).</summary>
    private static List<BehaviorEvent> CrossShoppers(DateTimeOffset now, string run) =>
        Enumerable.Range(0, 12).SelectMany(u =>
        {
            var user = $"cross-{run}-{u:D2}";
            var at = now.AddDays(-6).AddHours(u * 11);
            return new[]
            {
                View(user, "K1", at), View(user, "K3", at.AddMinutes(1)), View(user, "T8", at.AddMinutes(2)),
                Purchase(user, "T8", "Toys", at.AddMinutes(3), $"{user}-a"), Purchase(user, "K1", "Kitchen", at.AddMinutes(4), $"{user}-b"),
            };
        }).ToList();

    private static BehaviorEvent View(string user, string product, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        UserId = user,
        Type = BehaviorEventType.View,
        OccurredAt = at,
        ProductId = product,
    };

    private static BehaviorEvent Purchase(string user, string product, string category, DateTimeOffset at, string orderId) => new()
    {
        EventId = "purchase-" + orderId,
        UserId = user,
        Type = BehaviorEventType.Purchase,
        OccurredAt = at,
        OrderId = orderId,
        Currency = "GBP",
        Lines = [new OrderLine { ProductId = product, Quantity = 1, UnitPrice = 5m, Category = category }],
    };
}
