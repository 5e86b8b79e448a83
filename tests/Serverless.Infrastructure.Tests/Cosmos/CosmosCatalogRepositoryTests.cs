using Serverless.Domain.Catalog;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

[Collection(EmulatorCollection.Name)]
public sealed class CosmosCatalogRepositoryTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Updated = new(2024, 2, 3, 4, 5, 6, TimeSpan.Zero);
    private CosmosTestDatabase _database = null!;
    private CosmosCatalogRepository _repository = null!;

    public async Task InitializeAsync()
    {
        _database = await CosmosTestDatabase.CreateAsync(fixture);
        _repository = new CosmosCatalogRepository(_database.Containers);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TrySaveAsync_RoundTripsTheProduct()
    {
        var product = new Product
        {
            ProductId = "p-1",
            Title = "Trail shoe",
            Category = "shoes",
            Brand = "Acme",
            Price = 89.90m,
            Currency = "EUR",
            InStock = false,
            Attributes = new Dictionary<string, string> { ["color"] = "red" },
            UpdatedAt = Updated,
        };

        var etag = await _repository.TrySaveAsync(product, null, CancellationToken.None);
        var stored = await _repository.GetAsync("p-1", CancellationToken.None);

        Assert.NotNull(etag);
        Assert.Equal(etag, stored!.ETag);
        Assert.Equal(product with { Attributes = null }, stored.Value with { Attributes = null });
        Assert.Equal("red", stored.Value.Attributes!["color"]);
    }

    [Fact]
    public async Task TrySaveAsync_StaleETag_ReturnsNull_AndUnknownProductReadsNull()
    {
        var first = await _repository.TrySaveAsync(Product("p-2", "v1"), null, CancellationToken.None);
        Assert.NotNull(await _repository.TrySaveAsync(Product("p-2", "v2"), first, CancellationToken.None));

        Assert.Null(await _repository.TrySaveAsync(Product("p-2", "v3"), first, CancellationToken.None));
        Assert.Equal("v2", (await _repository.GetAsync("p-2", CancellationToken.None))!.Value.Title);
        Assert.Null(await _repository.GetAsync("p-unknown", CancellationToken.None));
    }

    [Fact]
    public async Task ReadAllAsync_ReturnsEveryProductExactlyOnce()
    {
        var ids = Enumerable.Range(0, 25).Select(i => $"p-all-{i:D2}").ToList();
        foreach (var id in ids)
        {
            await _repository.TrySaveAsync(Product(id, id), null, CancellationToken.None);
        }

        var read = new List<string>();
        await foreach (var product in _repository.ReadAllAsync(CancellationToken.None))
        {
            read.Add(product.ProductId);
        }

        Assert.Equal(ids, read.Order(StringComparer.Ordinal));
    }

    private static Product Product(string id, string title) => new() { ProductId = id, Title = title, UpdatedAt = Updated };
}
