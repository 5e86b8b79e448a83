using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Application.Forecasts;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;
using Serverless.LocalHost.Tests.Hosting;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.EndToEnd;

/// <summary>
/// Demand forecasting through the real host: purchase events posted over HTTP, processed and archived through Azurite,
/// forecasts of products, categories and the shop's total computed on demand over HTTP, then the nightly refresh fanned
/// out through the <c>forecast-requests</c> queue to the queue worker, which writes the documents to the Cosmos server
/// that the same routes then serve.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ForecastsEndToEndTests(EmulatorFixture emulators)
{
    private const int Days = 42;

    [Fact]
    public async Task Purchase_events_posted_over_http_become_forecasts_on_demand_then_precomputed_by_the_refresh()
    {
        await using var host = await RecommendationsEndToEndHost.StartAsync(emulators, new Dictionary<string, string?>
        {
            ["Forecasts:HistoryRefreshSeconds"] = "0",
            ["Forecasts:BacktestOrigins"] = "4",
            ["Forecasts:EtsMaxEvaluations"] = "300",
            ["Forecasts:PrecomputeHorizonDays"] = "30",
            ["Recommendations:CatalogRefreshSeconds"] = "0",
        });
        var run = Guid.NewGuid().ToString("N")[..8];
        var (drill, saw, glue, tape) = ($"drill-{run}", $"saw-{run}", $"glue-{run}", $"tape-{run}");
        var (category, supplies) = ($"Tools-{run}", $"Supplies-{run}");
        var now = DateTimeOffset.UtcNow;
        await host.SendCatalogAsync([Product(drill, category, now), Product(saw, category, now), Product(glue, category, now), Product(tape, supplies, now)]);
        var events = Purchases(now, run, drill, saw, tape, category);
        await host.PostEventsAsync(events);
        await WaitForCatalogAsync(host, [drill, saw, glue, tape]);
        await host.WaitForArchivedAsync(events.Count);

        // On demand: nothing precomputed yet.
        var drillForecast = await host.GetJsonAsync($"api/forecasts/products/{drill}?horizon=14&granularity=day");
        var sawForecast = await host.GetJsonAsync($"api/forecasts/products/{saw}?horizon=14");
        var glueForecast = await host.GetJsonAsync($"api/forecasts/products/{glue}?horizon=14");
        var tools = await host.GetJsonAsync($"api/forecasts/categories/{category}?horizon=14&granularity=day");
        var suppliesForecast = await host.GetJsonAsync($"api/forecasts/categories/{supplies}?horizon=14");
        var total = await host.GetJsonAsync("api/forecasts/total?horizon=14&granularity=day");
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        Assert.Equal("on_demand", drillForecast.GetProperty("source").GetString());
        Assert.Equal(drill, drillForecast.GetProperty("productId").GetString());
        Assert.Equal(14, drillForecast.GetProperty("points").GetArrayLength());
        Assert.Equal(today.ToString("yyyy-MM-dd"), drillForecast.GetProperty("points")[0].GetProperty("date").GetString());
        Assert.Equal(today.AddDays(-1).ToString("yyyy-MM-dd"), drillForecast.GetProperty("dataWindow").GetProperty("to").GetString());
        Assert.Equal(Days, drillForecast.GetProperty("dataWindow").GetProperty("periods").GetInt32());
        Assert.InRange(drillForecast.GetProperty("backtest").GetProperty("mae").GetDouble(), 0, 0.01);
        Assert.True(sawForecast.GetProperty("backtest").GetProperty("mase").GetDouble() > 0);
        Assert.False(string.IsNullOrEmpty(drillForecast.GetProperty("model").GetString()));
        Assert.Equal("no_sales", glueForecast.GetProperty("model").GetString());
        Assert.Equal(category, tools.GetProperty("category").GetString());
        Assert.Equal("bottom_up", tools.GetProperty("model").GetString());

        // The category adds up to its products, period by period; the drill sells 3 a day, the saw 1 every other day.
        var sums = Means(drillForecast).Zip(Means(sawForecast), (a, b) => a + b).ToList();
        Assert.All(Means(tools).Zip(sums), pair => Assert.Equal(pair.Second, pair.First, 1e-3));
        Assert.All(Means(drillForecast), mean => Assert.Equal(3, mean, 1));
        Assert.All(Means(sawForecast), mean => Assert.InRange(mean, 0.2, 0.8));
        Assert.InRange(Means(suppliesForecast).Average(), 0.4, 0.95);

        // The total adds up to the categories and to the products, period by period, with the backtest of that sum.
        Assert.Equal("on_demand", total.GetProperty("source").GetString());
        Assert.Equal("bottom_up", total.GetProperty("model").GetString());
        Assert.False(total.TryGetProperty("productId", out _) || total.TryGetProperty("category", out _));
        Assert.Equal(["3 products"], total.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        Assert.All(Means(total).Zip(Means(tools), Means(suppliesForecast)), t => Assert.Equal(t.Second + t.Third, t.First, 1e-3));
        Assert.All(Means(total).Zip(sums, Means(suppliesForecast)), t => Assert.Equal(t.Second + t.Third, t.First, 1e-3));
        Assert.True(total.GetProperty("backtest").GetProperty("mase").GetDouble() > 0);
        Assert.Equal(drillForecast.GetProperty("dataWindow").GetProperty("to").GetString(), total.GetProperty("dataWindow").GetProperty("to").GetString());
        Assert.All(drillForecast.GetProperty("points").EnumerateArray(), p =>
            Assert.True(p.GetProperty("lo95").GetDouble() <= p.GetProperty("lo80").GetDouble() && p.GetProperty("hi80").GetDouble() <= p.GetProperty("hi95").GetDouble()));

        var reorder = await host.GetJsonAsync($"api/forecasts/products/{drill}/reorder?leadTimeDays=7&serviceLevel=0.95&reviewPeriodDays=7");
        Assert.Equal(21, reorder.GetProperty("leadTimeDemand").GetDouble(), 0);
        Assert.InRange(reorder.GetProperty("reorderPoint").GetDouble(), 21, 24);
        Assert.InRange(reorder.GetProperty("reorderQuantity").GetDouble(), 18, 26);

        // Problems over HTTP.
        var tooFar = await host.GetJsonAsync($"api/forecasts/products/{drill}?horizon=400", HttpStatusCode.BadRequest);
        var badGranularity = await host.GetJsonAsync($"api/forecasts/categories/{category}?granularity=month", HttpStatusCode.BadRequest);
        var noLeadTime = await host.GetJsonAsync($"api/forecasts/products/{drill}/reorder?serviceLevel=0.9", HttpStatusCode.BadRequest);
        var unknown = await host.GetJsonAsync($"api/forecasts/products/nope-{run}", HttpStatusCode.NotFound);
        var totalTooFar = await host.GetJsonAsync("api/forecasts/total?horizon=105&granularity=week", HttpStatusCode.BadRequest);
        var totalBadGranularity = await host.GetJsonAsync("api/forecasts/total?granularity=hour", HttpStatusCode.BadRequest);
        Assert.True(tooFar.GetProperty("errors").TryGetProperty("horizon", out _));
        Assert.True(badGranularity.GetProperty("errors").TryGetProperty("granularity", out _));
        Assert.True(noLeadTime.GetProperty("errors").TryGetProperty("leadTimeDays", out _));
        Assert.Equal(404, unknown.GetProperty("status").GetInt32());
        Assert.True(totalTooFar.GetProperty("errors").TryGetProperty("horizon", out _));
        Assert.True(totalBadGranularity.GetProperty("errors").TryGetProperty("granularity", out _));

        // The nightly refresh: one message per granularity for each of the two categories and for the total, processed
        // by the queue worker.
        var report = await host.Host.Services.GetRequiredService<RefreshForecastsHandler>().HandleAsync(CancellationToken.None);
        Assert.Equal(6, report.MessagesSent);
        Assert.Equal(2, report.Categories);

        // The on-demand loads already merged every archive hour into the demand snapshot in Blob: nothing is read again.
        Assert.Equal((0, Days), (report.HoursRead, report.HoursReused));
        // The queue worker takes the six messages in any order, so each document is waited for.
        var precomputed = await WaitForPrecomputedAsync(host, $"api/forecasts/categories/{category}?horizon=14&granularity=week", "the weekly category forecast");
        var drillPrecomputed = await WaitForPrecomputedAsync(host, $"api/forecasts/products/{drill}?horizon=14", "the drill's daily forecast");
        Assert.Equal(Means(drillForecast), Means(drillPrecomputed));
        Assert.Equal(14, precomputed.GetProperty("points").GetArrayLength());
        Assert.All(Means(precomputed).Skip(1), mean => Assert.InRange(mean, 21 + 1, 21 + 6));

        // The total is precomputed too, for both granularities, from the same history: the same forecast as on demand.
        var totalPrecomputed = await WaitForPrecomputedAsync(host, "api/forecasts/total?horizon=14", "the daily total forecast");
        Assert.Equal(Means(total), Means(totalPrecomputed));
        Assert.Equal(total.GetProperty("backtest").GetProperty("mase").GetDouble(), totalPrecomputed.GetProperty("backtest").GetProperty("mase").GetDouble());
        var weeklyTotal = await WaitForPrecomputedAsync(host, "api/forecasts/total?horizon=4&granularity=week", "the weekly total forecast");
        Assert.Equal(4, weeklyTotal.GetProperty("points").GetArrayLength());
    }

    private static async Task<JsonElement> WaitForPrecomputedAsync(RecommendationsEndToEndHost host, string path, string what)
    {
        JsonElement forecast = default;
        await Eventually.TrueAsync(
            async () =>
            {
                forecast = await host.GetJsonAsync(path);
                return forecast.GetProperty("source").GetString() == "precomputed";
            },
            TimeSpan.FromSeconds(120),
            what + " to be precomputed");
        return forecast;
    }

    private static List<double> Means(JsonElement forecast) =>
        forecast.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("mean").GetDouble()).ToList();

    private static async Task WaitForCatalogAsync(RecommendationsEndToEndHost host, string[] productIds)
    {
        var catalog = host.Host.Services.GetRequiredService<ICatalogRepository>();
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var id in productIds)
                {
                    if (await catalog.GetAsync(id, CancellationToken.None) is null)
                    {
                        return false;
                    }
                }

                return true;
            },
            TimeSpan.FromSeconds(120),
            "the catalog to hold the run's products");
    }

    private static Product Product(string id, string category, DateTimeOffset now) =>
        new() { ProductId = id, Title = id, Category = category, UpdatedAt = now.AddDays(-60) };

    /// <summary>One order a day for the last <see cref="Days"/> days: 3 drills, a saw every other day, 2 rolls of tape every third day.</summary>
    private static List<BehaviorEvent> Purchases(DateTimeOffset now, string run, string drill, string saw, string tape, string category)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return Enumerable.Range(1, Days).Select(d =>
        {
            var at = new DateTimeOffset(today.AddDays(-d).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            List<OrderLine> lines = [new OrderLine { ProductId = drill, Quantity = 3, UnitPrice = 40m, Category = category }];
            if (d % 2 == 0)
            {
                lines.Add(new OrderLine { ProductId = saw, Quantity = 1, UnitPrice = 25m });
            }

            if (d % 3 == 0)
            {
                lines.Add(new OrderLine { ProductId = tape, Quantity = 2, UnitPrice = 4m });
            }

            return new BehaviorEvent
            {
                EventId = $"forecast-{run}-{d}",
                UserId = $"builder-{run}-{d % 5}",
                Type = BehaviorEventType.Purchase,
                OccurredAt = at,
                OrderId = $"order-{run}-{d}",
                Currency = "EUR",
                Lines = lines,
            };
        }).ToList();
    }
}
