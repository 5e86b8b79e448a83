using Serverless.Domain.Events;

namespace Serverless.Domain.Tests.Support;

/// <summary>
/// A plausible year of one shopper, generated from a seed: browsing sessions with views, clicks, searches and cart
/// changes, purchases (often of the cart), order status changes, refunds and reviews. Times are whole minutes, so
/// some events share a timestamp and the tie-breaks are exercised too.
/// </summary>
public static class RealisticHistory
{
    private static readonly string[] Categories = ["shoes", "books", "games", "toys", "garden"];
    private static readonly string[] Brands = ["acme", "globex", "initech"];

    public static List<BehaviorEvent> Generate(int seed, int sessions = 35)
    {
        var random = new Random(seed);
        var events = new List<BehaviorEvent>();
        var counter = 0;
        var orderCounter = 0;
        var time = Events.T0;

        string NextId() => $"ev-{seed}-{counter++:0000}";

        BehaviorEvent Base(BehaviorEventType type, DateTimeOffset at) => new()
        {
            EventId = NextId(),
            UserId = Events.UserId,
            Type = type,
            OccurredAt = at,
        };

        (string Product, string Category, string Brand) Product()
        {
            var index = random.Next(40);
            return ($"p{index}", Categories[index % Categories.Length], Brands[index % Brands.Length]);
        }

        for (var session = 0; session < sessions; session++)
        {
            time = time.AddMinutes(random.Next(60, 60 * 24 * 20));
            var minute = time;
            DateTimeOffset Tick() => minute = minute.AddMinutes(random.Next(0, 3));
            var cart = new List<(string Product, string Category, string Brand, int Quantity)>();

            for (var i = random.Next(2, 7); i > 0; i--)
            {
                var (product, category, brand) = Product();
                var type = random.NextDouble() < 0.7 ? BehaviorEventType.View : BehaviorEventType.Click;
                events.Add(Base(type, Tick()) with { ProductId = product, Category = category, Brand = brand, Price = 5m + random.Next(100) });
            }

            for (var i = random.Next(0, 3); i > 0; i--)
            {
                events.Add(Base(BehaviorEventType.Search, Tick()) with { Query = $"query {random.Next(30)}" });
            }

            for (var i = random.Next(0, 4); i > 0; i--)
            {
                var (product, category, brand) = Product();
                var quantity = random.Next(1, 4);
                cart.Add((product, category, brand, quantity));
                events.Add(Base(BehaviorEventType.AddToCart, Tick()) with { ProductId = product, Category = category, Brand = brand, Quantity = quantity });
            }

            if (cart.Count > 0 && random.NextDouble() < 0.3)
            {
                var removed = cart[random.Next(cart.Count)];
                events.Add(Base(BehaviorEventType.RemoveFromCart, Tick()) with { ProductId = removed.Product, Category = removed.Category, Quantity = 1 });
            }

            if (random.NextDouble() < 0.45)
            {
                var orderId = $"order-{seed}-{orderCounter++}";
                var lines = cart.Count > 0
                    ? cart.Select(c => new OrderLine { ProductId = c.Product, Quantity = c.Quantity, UnitPrice = 3m + random.Next(200) + 0.99m, Category = c.Category, Brand = c.Brand }).ToList()
                    : [new OrderLine { ProductId = Product().Product, Quantity = 1, UnitPrice = 19.99m, Category = "books", Brand = "acme" }];
                var placedAt = Tick();
                events.Add(Base(BehaviorEventType.Purchase, placedAt) with { OrderId = orderId, Currency = "EUR", Lines = lines });
                events.Add(Base(BehaviorEventType.OrderStatus, placedAt) with { OrderId = orderId, Status = "placed" });
                events.Add(Base(BehaviorEventType.OrderStatus, placedAt.AddDays(1)) with { OrderId = orderId, Status = "shipped" });
                if (random.NextDouble() < 0.25)
                {
                    var refunded = lines[0];
                    events.Add(Base(BehaviorEventType.Refund, placedAt.AddDays(5)) with { OrderId = orderId, Amount = refunded.Total / 2, Currency = "EUR" });
                }

                if (random.NextDouble() < 0.3)
                {
                    var reviewed = lines[^1];
                    events.Add(Base(BehaviorEventType.Review, placedAt.AddDays(7)) with
                    {
                        ProductId = reviewed.ProductId,
                        Category = reviewed.Category,
                        Brand = reviewed.Brand,
                        Rating = random.Next(1, 6),
                        Text = "ok",
                    });
                }
            }
        }

        return events;
    }

    public static List<T> Shuffle<T>(IEnumerable<T> items, int seed)
    {
        var random = new Random(seed);
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
