using System.Text.Json;
using Serverless.Application.Catalog;
using Serverless.Application.Common;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Catalog;
using Serverless.Domain.Json;
using Xunit;

namespace Serverless.Application.Tests.Catalog;

public sealed class ProcessCatalogMessageHandlerTests : IDisposable
{
    private static readonly DateTimeOffset T = TestApplication.Start;

    private readonly TestApplication _app = new();

    private ProcessCatalogMessageHandler Handler => _app.Get<ProcessCatalogMessageHandler>();

    public void Dispose() => _app.Dispose();

    private static string Message(string title, DateTimeOffset updatedAt, decimal? price = 10m) =>
        JsonSerializer.Serialize(
            new CatalogMessage { Product = new Product { ProductId = "p1", Title = title, Price = price, Currency = "EUR", UpdatedAt = updatedAt } },
            DomainJson.Options);

    [Fact]
    public async Task The_newest_update_wins_whatever_the_arrival_order()
    {
        await Handler.HandleAsync(Message("New", T.AddMinutes(-1)), CancellationToken.None);
        await Handler.HandleAsync(Message("Old", T.AddMinutes(-5)), CancellationToken.None);

        Assert.Equal("New", _app.Catalog.Store.Get("p1")!.Value.Value.Title);

        await Handler.HandleAsync(Message("Newer", T), CancellationToken.None);
        Assert.Equal("Newer", _app.Catalog.Store.Get("p1")!.Value.Value.Title);
    }

    [Fact]
    public async Task Write_conflicts_are_retried_until_the_write_lands()
    {
        _app.Catalog.Store.ConflictRate = 0.5;
        for (var i = 0; i < 20; i++)
        {
            await Handler.HandleAsync(Message($"v{i}", T.AddMinutes(-20 + i)), CancellationToken.None);
            Assert.Equal($"v{i}", _app.Catalog.Store.Get("p1")!.Value.Value.Title);
        }

        Assert.Equal(20, _app.Catalog.Store.Writes);
        Assert.True(_app.Catalog.Store.Conflicts > 0);
    }

    [Fact]
    public async Task Concurrent_updates_end_with_the_newest()
    {
        _app.Catalog.Store.ConflictRate = 0.3;
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Handler.HandleAsync(Message($"v{i}", T.AddMinutes(-20 + i)), CancellationToken.None))));

        Assert.Equal("v19", _app.Catalog.Store.Get("p1")!.Value.Value.Title);
    }

    [Theory]
    [InlineData("{", "body")]
    [InlineData("""{"schemaVersion":"1"}""", "product")]
    [InlineData("""{"product":{"productId":"p1","updatedAt":"2025-06-01T08:00:00Z"}}""", "product.title")]
    [InlineData("""{"product":{"productId":"p1","title":"t","updatedAt":"2025-06-01T08:00:00"}}""", "product.updatedAt")]
    [InlineData("""{"product":{"productId":"p1","title":"t","price":-1,"updatedAt":"2025-06-01T08:00:00Z"}}""", "product.price")]
    [InlineData("""{"product":{"productId":"p1","title":"t","price":"cheap","updatedAt":"2025-06-01T08:00:00Z"}}""", "product.price")]
    public async Task An_invalid_message_is_permanent_and_names_the_field(string message, string field)
    {
        var ex = await Assert.ThrowsAsync<PermanentMessageException>(() => Handler.HandleAsync(message, CancellationToken.None));

        Assert.Contains(field, ex.Reason);
        Assert.Equal(0, _app.Catalog.Store.Count);
    }
}
