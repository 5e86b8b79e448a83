using System.Runtime.CompilerServices;
using Serverless.Domain.Catalog;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Fakes;

public sealed class FakeCatalogRepository : ICatalogRepository
{
    public DocumentStore<Product> Store { get; } = new(seed: 13);

    public Task<Versioned<Product>?> GetAsync(string productId, CancellationToken cancellationToken) =>
        Task.FromResult(Store.Get(productId) is { } found ? new Versioned<Product>(found.Value, found.ETag) : null);

    public Task<string?> TrySaveAsync(Product product, string? etag, CancellationToken cancellationToken) =>
        Task.FromResult(Store.TrySave(product.ProductId, product, etag));

    public async IAsyncEnumerable<Product> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var product in Store.All())
        {
            await Task.Yield();
            yield return product;
        }
    }
}
