using Serverless.Domain.Catalog;

namespace Serverless.Domain.Ports;

/// <summary>Products (container <c>catalog</c>, partition key /productId).</summary>
public interface ICatalogRepository
{
    Task<Versioned<Product>?> GetAsync(string productId, CancellationToken cancellationToken);

    /// <summary>Create (etag null) or conditional replace; null when another writer won.</summary>
    Task<string?> TrySaveAsync(Product product, string? etag, CancellationToken cancellationToken);

    IAsyncEnumerable<Product> ReadAllAsync(CancellationToken cancellationToken);
}
