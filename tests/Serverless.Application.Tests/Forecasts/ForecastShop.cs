using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;

namespace Serverless.Application.Tests.Forecasts;

/// <summary>
/// A small synthetic shop with a fixed seed: 63 days of purchases up to the day before <see cref="TestApplication.Start"/>.
/// Kitchen: K1 sells a weekly pattern with noise every day, K2 sells intermittently; Garden: G1 sells a steady 5 a day.
/// K3 is in the catalog (Kitchen) but never sold.
/// </summary>
internal static class ForecastShop
{
    public const int Days = 63;
    private static readonly int[] WeeklyPattern = [4, 3, 5, 6, 8, 11, 2];

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Forecasts:BacktestOrigins"] = "4",
        ["Forecasts:EtsMaxEvaluations"] = "300",
        ["Forecasts:HistoryRefreshSeconds"] = "0",
        ["Forecasts:PrecomputeHorizonDays"] = "30",
        ["Forecasts:PrecomputeHorizonWeeks"] = "8",
        ["Recommendations:CatalogRefreshSeconds"] = "0",
    };

    public static async Task SeedAsync(TestApplication app)
    {
        var random = new Random(20261204);
        var firstDay = DateOnly.FromDateTime(TestApplication.Start.UtcDateTime).AddDays(-Days);
        var events = new List<BehaviorEvent>();
        for (var d = 0; d < Days; d++)
        {
            var at = new DateTimeOffset(firstDay.AddDays(d).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            var k1 = Math.Max(0, WeeklyPattern[(int)firstDay.AddDays(d).DayOfWeek] + random.Next(-1, 2));
            var lines = new List<OrderLine>();
            if (k1 > 0)
            {
                lines.Add(new OrderLine { ProductId = "K1", Quantity = k1, UnitPrice = 3m, Category = "Kitchen" });
            }

            if (random.NextDouble() < 0.3)
            {
                lines.Add(new OrderLine { ProductId = "K2", Quantity = random.Next(1, 4), UnitPrice = 9m });
            }

            lines.Add(new OrderLine { ProductId = "G1", Quantity = 5, UnitPrice = 2m });
            events.Add(Purchase($"order-{d}", at, lines));
        }

        // A refund and a view are not demand.
        events.Add(new BehaviorEvent { EventId = "refund-1", UserId = "u-1", Type = BehaviorEventType.Refund, OccurredAt = TestApplication.Start.AddDays(-2), OrderId = "order-3", Currency = "EUR", Lines = [new OrderLine { ProductId = "G1", Quantity = 50, UnitPrice = 2m }] });
        events.Add(new BehaviorEvent { EventId = "view-1", UserId = "u-1", Type = BehaviorEventType.View, OccurredAt = TestApplication.Start.AddDays(-2), ProductId = "G1" });
        await app.Archive.AppendAsync(events, CancellationToken.None);

        foreach (var (id, category) in new[] { ("K1", "Kitchen"), ("K2", "Kitchen"), ("K3", "Kitchen"), ("G1", "Garden") })
        {
            await app.Catalog.TrySaveAsync(new Product { ProductId = id, Title = id, Category = category, UpdatedAt = TestApplication.Start.AddDays(-90) }, null, CancellationToken.None);
        }
    }

    private static BehaviorEvent Purchase(string orderId, DateTimeOffset at, List<OrderLine> lines) => new()
    {
        EventId = "purchase-" + orderId,
        UserId = "u-" + orderId,
        Type = BehaviorEventType.Purchase,
        OccurredAt = at,
        OrderId = orderId,
        Currency = "EUR",
        Lines = lines,
    };
}
