using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Orders;
using Serverless.Domain.Ports;

namespace Serverless.LocalHost.Tests.EndToEnd.Support;

/// <summary>
/// The shoppers, orders and products the scripted conversations talk about, written to the Cosmos server through the
/// host's own repositories. Order dates are relative to now, so "days ago" facts hold whenever the suite runs.
/// </summary>
internal static class SupportSeedData
{
    public static string UserId(string name, string run) => $"{name}-{run}";

    public static async Task SeedAsync(IServiceProvider services, string run)
    {
        var orders = (IOrderRepository)services.GetService(typeof(IOrderRepository))!;
        var catalog = (ICatalogRepository)services.GetService(typeof(ICatalogRepository))!;
        var now = DateTimeOffset.UtcNow;
        (string User, string Order, string Status, int DaysAgo, decimal Total, decimal Refunded)[] rows =
        [
            ("alice", "SO-1001", OrderStatuses.Shipped, 3, 42.00m, 0),
            ("bob", "SO-2001", OrderStatuses.Delivered, 10, 59.80m, 0),
            ("bob", "SO-2002", OrderStatuses.Paid, 1, 19.99m, 0),
            ("carol", "SO-3001", OrderStatuses.Delivered, 45, 120.00m, 0),
            ("dan", "SO-4001", OrderStatuses.Paid, 1, 88.00m, 0),
            ("erin", "SO-5001", OrderStatuses.Cancelled, 5, 30.00m, 30.00m),
            ("gina", "SO-6001", OrderStatuses.Delivered, 5, 15.00m, 0),
            ("gina", "SO-6002", OrderStatuses.Shipped, 2, 25.00m, 0),
            ("gina", "SO-6003", OrderStatuses.Delivered, 60, 35.00m, 0),
        ];
        foreach (var (user, orderId, status, daysAgo, total, refunded) in rows)
        {
            var placed = now.AddDays(-daysAgo).AddMinutes(-5);
            var order = new Order
            {
                OrderId = orderId,
                UserId = UserId(user, run),
                PlacedAt = placed,
                Currency = "EUR",
                Total = total,
                RefundedAmount = refunded,
                Status = status,
                StatusAt = placed.AddHours(2),
                Lines = [new OrderLine { ProductId = "P-RUN", Quantity = 1, UnitPrice = total }],
            };
            if (await orders.TrySaveAsync(order, null, CancellationToken.None) is null)
            {
                throw new InvalidOperationException($"Order {orderId} of {user} exists already.");
            }
        }

        var updated = now.AddDays(-30);
        foreach (var product in new[]
        {
            Product("P-RUN", "Trail running shoes 越野跑鞋", "Shoes", 89.90m, true, updated),
            Product("P-KETTLE", "Electric kettle 电水壶", "Kitchen", 34.50m, true, updated.AddDays(1)),
            Product("P-LAMP", "Desk lamp 台灯", "Lighting", 25.00m, false, updated.AddDays(2)),
            Product("P-MAT", "Yoga mat 瑜伽垫", "Sports", 19.99m, true, updated.AddDays(3)),
        })
        {
            var existing = await catalog.GetAsync(product.ProductId, CancellationToken.None);
            await catalog.TrySaveAsync(product, existing?.ETag, CancellationToken.None);
        }
    }

    private static Product Product(string id, string title, string category, decimal price, bool inStock, DateTimeOffset at) => new()
    {
        ProductId = id,
        Title = title,
        Category = category,
        Price = price,
        Currency = "EUR",
        InStock = inStock,
        UpdatedAt = at,
    };
}
