using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Domain.Catalog;
using Serverless.Domain.Ports;

namespace Serverless.Application.Recommendations;

/// <summary>
/// Keeps the whole catalog in memory, read again every <c>Recommendations:CatalogRefreshSeconds</c>: a request filters
/// hundreds of candidates by stock, which point reads could not do in time. A stock change therefore shows within one interval.
/// </summary>
public sealed class CatalogViewProvider
{
    private readonly PeriodicRefresh<CatalogView> _view;

    public CatalogViewProvider(ICatalogRepository catalog, IOptions<RecommendationOptions> options, TimeProvider timeProvider, ILogger<CatalogViewProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _view = new PeriodicRefresh<CatalogView>(
            async (_, cancellationToken) =>
            {
                var products = new Dictionary<string, Product>(StringComparer.Ordinal);
                await foreach (var product in catalog.ReadAllAsync(cancellationToken))
                {
                    products[product.ProductId] = product;
                }

                return new CatalogView(products);
            },
            options.Value.CatalogRefreshInterval,
            timeProvider,
            logger,
            "catalog");
    }

    public ValueTask<CatalogView> GetAsync(CancellationToken cancellationToken) => _view.GetAsync(cancellationToken);
}
