using Serverless.Domain.Events;

namespace Serverless.Benchmarks.Ingestion;

/// <summary>
/// A reproducible shop-like event mix for load runs: per event, 70% views, 10% clicks, 8% add-to-cart, 2% remove,
/// 5% searches and 5% purchases of 1-3 lines, spread over <c>users</c> users (a few heavy users, as in real shops:
/// user index drawn from a squared uniform) and 500 products in 12 categories, all within the last 30 days.
/// </summary>
internal static class SyntheticEventStream
{
    private static readonly string[] Categories =
        ["Kitchen", "Garden", "Toys", "Books", "Lighting", "Stationery", "Bags", "Party", "Bath", "Candles", "Clocks", "Textiles"];

    public static IReadOnlyList<BehaviorEvent> Create(int count, int users, int seed, string runId, DateTimeOffset now)
    {
        var random = new Random(seed);
        var events = new List<BehaviorEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var user = $"bench-{runId}-u{(int)(users * Math.Pow(random.NextDouble(), 2))}";
            var product = random.Next(500);
            var at = now.AddSeconds(-random.Next(30 * 24 * 3600));
            var roll = random.NextDouble();
            var id = $"bench-{runId}-e{i}";
            var productId = $"P{product:D4}";
            var category = Categories[product % Categories.Length];
            events.Add(roll switch
            {
                < 0.70 => Product(BehaviorEventType.View, id, user, at, productId, category),
                < 0.80 => Product(BehaviorEventType.Click, id, user, at, productId, category),
                < 0.88 => Product(BehaviorEventType.AddToCart, id, user, at, productId, category) with { Quantity = 1 + random.Next(3) },
                < 0.90 => Product(BehaviorEventType.RemoveFromCart, id, user, at, productId, category) with { Quantity = 1 },
                < 0.95 => new BehaviorEvent { EventId = id, UserId = user, Type = BehaviorEventType.Search, OccurredAt = at, Query = category.ToLowerInvariant() + " gift" },
                _ => Purchase(id, user, at, random),
            });
        }

        return events;
    }

    private static BehaviorEvent Product(BehaviorEventType type, string id, string user, DateTimeOffset at, string productId, string category) =>
        new() { EventId = id, UserId = user, Type = type, OccurredAt = at, ProductId = productId, Category = category };

    private static BehaviorEvent Purchase(string id, string user, DateTimeOffset at, Random random) => new()
    {
        EventId = id,
        UserId = user,
        Type = BehaviorEventType.Purchase,
        OccurredAt = at,
        OrderId = "O-" + id,
        Currency = "GBP",
        Lines = Enumerable.Range(0, 1 + random.Next(3)).Select(_ =>
        {
            var product = random.Next(500);
            return new OrderLine
            {
                ProductId = $"P{product:D4}",
                Quantity = 1 + random.Next(4),
                UnitPrice = Math.Round(1m + (decimal)random.NextDouble() * 30m, 2),
                Category = Categories[product % Categories.Length],
            };
        }).ToList(),
    };
}
