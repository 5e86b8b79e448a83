using System.Text;
using System.Text.Json;
using Serverless.Application.Common;
using Serverless.Application.Support;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Domain.Orders;

namespace Serverless.Application.Tests.Support;

/// <summary>One application for the support tests (serving the shared intent model from its registry); each test uses its own users.</summary>
public sealed class SupportApplicationFixture : IDisposable
{
    public TestApplication App { get; } = new(SupportTestSettings.Create());

    public SupportApplicationFixture()
    {
        SharedIntentModel.PublishTo(App.Models);
        var at = TestApplication.Start.AddDays(-90);
        foreach (var product in new[]
        {
            Product("P-RUN", "Trail running shoes 越野跑鞋", "Shoes", 89.90m, true, at),
            Product("P-KETTLE", "Electric kettle 电水壶", "Kitchen", 34.50m, true, at.AddDays(1)),
            Product("P-LAMP", "Desk lamp 台灯", "Lighting", 25.00m, false, at.AddDays(2)),
            Product("P-MAT", "Yoga mat 瑜伽垫", "Sports", 19.99m, true, at.AddDays(3)),
        })
        {
            App.Catalog.TrySaveAsync(product, null, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public ReplyToCustomerHandler Handler => App.Get<ReplyToCustomerHandler>();

    public static string NewUser() => "u-" + Guid.NewGuid().ToString("N")[..10];

    public void AddOrder(string userId, string orderId, string status, int daysAgo, decimal total = 59.80m)
    {
        var placed = TestApplication.Start.AddDays(-daysAgo);
        var order = new Order
        {
            OrderId = orderId,
            UserId = userId,
            PlacedAt = placed,
            Currency = "EUR",
            Total = total,
            Status = status,
            StatusAt = placed.AddDays(1),
            Lines = [new OrderLine { ProductId = "P-RUN", Quantity = 1, UnitPrice = total }],
        };
        App.Orders.TrySaveAsync(order, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public Task<HandlerResult<SupportReplyResponse>> ReplyAsync(string message, string? userId = null, string? conversationId = null, string? locale = null) =>
        RawAsync(JsonSerializer.Serialize(new SupportReplyBody(conversationId, userId, message, locale), DomainJson.Options));

    public Task<HandlerResult<SupportReplyResponse>> RawAsync(string json, string contentType = "application/json") =>
        Handler.HandleAsync(new SupportReplyRequest(contentType, new MemoryStream(Encoding.UTF8.GetBytes(json))), CancellationToken.None);

    public void Dispose() => App.Dispose();

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
