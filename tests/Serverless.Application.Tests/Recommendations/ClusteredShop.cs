using Serverless.Domain.Catalog;
using Serverless.Domain.Events;

namespace Serverless.Application.Tests.Recommendations;

/// <summary>
/// A small shop with an obvious structure, generated from a fixed seed: three categories of eight products, and
/// users who each shop in one category (user i in category i % 3) with a little noise. Item-to-item models find the
/// structure; global popularity cannot, so the two make a clear better/worse pair for the promotion gate.
/// </summary>
public static class ClusteredShop
{
    public static readonly string[] Categories = ["Kitchen", "Garden", "Toys"];

    public static string Product(int category, int index) => $"{Categories[category][0]}{index}";

    public static IEnumerable<Product> Catalog(DateTimeOffset updatedAt) =>
        Enumerable.Range(0, Categories.Length).SelectMany(c => Enumerable.Range(1, 8).Select(i => new Product
        {
            ProductId = Product(c, i),
            Title = $"{Categories[c]} item {i}",
            Category = Categories[c],
            InStock = true,
            UpdatedAt = updatedAt,
        }));

    /// <summary>Events of <paramref name="users"/> users spread over the <paramref name="days"/> days before <paramref name="end"/>.</summary>
    public static List<BehaviorEvent> Events(DateTimeOffset end, int users = 60, int days = 60, int seed = 7, string userPrefix = "u")
    {
        var random = new Random(seed);
        var events = new List<BehaviorEvent>();
        for (var u = 0; u < users; u++)
        {
            var user = $"{userPrefix}{u:D3}";
            var category = u % Categories.Length;
            for (var n = 0; n < 10; n++)
            {
                // Mostly the user's own category; one event in ten anywhere. Low indexes are more popular.
                var c = random.NextDouble() < 0.9 ? category : random.Next(Categories.Length);
                var index = 1 + (int)Math.Floor(8 * Math.Pow(random.NextDouble(), 1.5));
                var at = end.AddMinutes(-random.Next(1, days * 24 * 60));
                var product = Product(c, index);
                events.Add(random.NextDouble() < 0.25
                    ? Purchase(user, product, Categories[c], at, $"{user}-o{n}")
                    : View(user, product, Categories[c], at, $"{user}-v{n}"));
            }
        }

        return events;
    }

    public static BehaviorEvent View(string user, string product, string? category, DateTimeOffset at, string? id = null) => new()
    {
        EventId = id ?? Guid.NewGuid().ToString("N"),
        UserId = user,
        Type = BehaviorEventType.View,
        OccurredAt = at,
        ProductId = product,
        Category = category,
    };

    public static BehaviorEvent Purchase(string user, string product, string? category, DateTimeOffset at, string orderId) => new()
    {
        EventId = "p-" + orderId,
        UserId = user,
        Type = BehaviorEventType.Purchase,
        OccurredAt = at,
        OrderId = orderId,
        Currency = "GBP",
        Lines = [new OrderLine { ProductId = product, Quantity = 1, UnitPrice = 5m, Category = category }],
    };
}
