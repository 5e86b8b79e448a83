using Serverless.Domain.Catalog;

namespace Serverless.Application.Recommendations;

/// <summary>The catalog in memory, as serving filters and labels recommendations with it.</summary>
public sealed class CatalogView
{
    private readonly IReadOnlyDictionary<string, Product> _products;

    public CatalogView(IReadOnlyDictionary<string, Product> products)
    {
        _products = products ?? throw new ArgumentNullException(nameof(products));
        Newest = products.Values
            .Where(product => product.InStock)
            .OrderByDescending(product => product.UpdatedAt)
            .ThenBy(product => product.ProductId, StringComparer.Ordinal)
            .Select(product => product.ProductId)
            .ToList();
    }

    public static CatalogView Empty { get; } = new(new Dictionary<string, Product>());

    public int Count => _products.Count;

    /// <summary>In-stock products, most recently updated first (the fallback when there is no popularity yet).</summary>
    public IReadOnlyList<string> Newest { get; }

    /// <summary>Every product, in stock or not.</summary>
    public IEnumerable<Product> Products => _products.Values;

    public Product? Find(string productId) => _products.GetValueOrDefault(productId);

    /// <summary>In the catalog and in stock; or absent from the catalog when <paramref name="policy"/> includes such items.</summary>
    public bool IsServable(string productId, ItemsNotInCatalog policy) =>
        _products.TryGetValue(productId, out var product)
            ? product.InStock
            : policy == ItemsNotInCatalog.Include || (policy == ItemsNotInCatalog.ExcludeUnlessCatalogEmpty && _products.Count == 0);
}
