using System.Runtime.CompilerServices;
using Serverless.Domain.Catalog;
using Serverless.Domain.Ports;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>Products in container <c>catalog</c>: id = partition key = product id.</summary>
internal sealed class CosmosCatalogRepository(CosmosContainers containers) : ICatalogRepository
{
    public Task<Versioned<Product>?> GetAsync(string productId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(productId);
        return containers.Catalog.ReadOrNullAsync<Product>(productId, productId, cancellationToken);
    }

    public Task<string?> TrySaveAsync(Product product, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(product);
        var document = CosmosDocument.From(product, product.ProductId);
        return containers.Catalog.TrySaveAsync(document, product.ProductId, etag, cancellationToken);
    }

    public async IAsyncEnumerable<Product> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var product in containers.Catalog.ReadAllThroughChangeFeedAsync<Product>(cancellationToken).ConfigureAwait(false))
        {
            yield return product;
        }
    }
}
