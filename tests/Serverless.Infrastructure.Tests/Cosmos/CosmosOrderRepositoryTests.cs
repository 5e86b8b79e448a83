using Serverless.Domain.Events;
using Serverless.Domain.Orders;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

[Collection(EmulatorCollection.Name)]
public sealed class CosmosOrderRepositoryTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private CosmosTestDatabase _database = null!;
    private CosmosOrderRepository _repository = null!;

    public async Task InitializeAsync()
    {
        _database = await CosmosTestDatabase.CreateAsync(fixture);
        _repository = new CosmosOrderRepository(_database.Containers);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TrySaveAsync_RoundTripsTheOrder()
    {
        var placedAt = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var order = new Order
        {
            OrderId = "o-1",
            UserId = "u-1",
            PlacedAt = placedAt,
            Currency = "EUR",
            Lines = [new OrderLine { ProductId = "p-1", Quantity = 3, UnitPrice = 12.5m, Category = "books" }],
            Total = 37.5m,
            Status = "shipped",
            StatusAt = placedAt.AddDays(1),
            StatusHistory = [new OrderStatusChange("placed", placedAt, "e-1"), new OrderStatusChange("shipped", placedAt.AddDays(1), "e-2")],
            EventIds = ["e-1", "e-2"],
        };

        var etag = await _repository.TrySaveAsync(order, null, CancellationToken.None);
        var stored = await _repository.GetAsync("u-1", "o-1", CancellationToken.None);

        Assert.NotNull(etag);
        Assert.Equal(etag, stored!.ETag);
        Assert.Equal(placedAt, stored.Value.PlacedAt);
        Assert.Equal(37.5m, stored.Value.Total);
        Assert.Equal("books", Assert.Single(stored.Value.Lines).Category);
        Assert.Equal(order.StatusHistory, stored.Value.StatusHistory);
        Assert.Equal(order.EventIds, stored.Value.EventIds);
    }

    [Fact]
    public async Task GetAsync_UnknownOrderOrOtherUser_ReturnsNull()
    {
        await _repository.TrySaveAsync(new Order { OrderId = "o-mine", UserId = "u-mine" }, null, CancellationToken.None);

        Assert.Null(await _repository.GetAsync("u-mine", "o-unknown", CancellationToken.None));
        Assert.Null(await _repository.GetAsync("u-someone-else", "o-mine", CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_StaleETagOrDuplicateCreate_ReturnsNull()
    {
        var first = await _repository.TrySaveAsync(new Order { OrderId = "o-2", UserId = "u-2" }, null, CancellationToken.None);
        var second = await _repository.TrySaveAsync(new Order { OrderId = "o-2", UserId = "u-2", Status = "paid" }, first, CancellationToken.None);

        Assert.NotNull(second);
        Assert.Null(await _repository.TrySaveAsync(new Order { OrderId = "o-2", UserId = "u-2", Status = "late" }, first, CancellationToken.None));
        Assert.Null(await _repository.TrySaveAsync(new Order { OrderId = "o-2", UserId = "u-2" }, null, CancellationToken.None));
        Assert.Equal("paid", (await _repository.GetAsync("u-2", "o-2", CancellationToken.None))!.Value.Status);
    }

    [Fact]
    public async Task ListByUserAsync_AndDeleteByUserAsync_StayWithinTheUser()
    {
        foreach (var orderId in new[] { "o-a", "o-b", "o-c" })
        {
            await _repository.TrySaveAsync(new Order { OrderId = orderId, UserId = "u-list" }, null, CancellationToken.None);
        }

        await _repository.TrySaveAsync(new Order { OrderId = "o-x", UserId = "u-other" }, null, CancellationToken.None);

        var listed = await _repository.ListByUserAsync("u-list", CancellationToken.None);
        Assert.Equal(["o-a", "o-b", "o-c"], listed.Select(o => o.OrderId).Order(StringComparer.Ordinal));

        Assert.Equal(3, await _repository.DeleteByUserAsync("u-list", CancellationToken.None));
        Assert.Empty(await _repository.ListByUserAsync("u-list", CancellationToken.None));
        Assert.Single(await _repository.ListByUserAsync("u-other", CancellationToken.None));
    }
}
