using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Domain.Profiles;
using Serverless.Domain.Validation;

namespace Serverless.Application.Recommendations;

/// <summary>GET /api/products/{productId}/similar?count=: 404 problem for a product neither the catalog nor the model knows.</summary>
public sealed class GetSimilarProductsHandler(
    ServingModelProvider models,
    CatalogViewProvider catalogs,
    IOptions<RecommendationOptions> options,
    IOptions<ProfileOptions> profileOptions)
{
    private readonly RecommendationOptions _options = options.Value;

    public async Task<HandlerResult<ProductListResponse>> HandleAsync(string productId, int? count, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (IdentifierRules.Check(productId) is { } problem)
        {
            errors.Add(new FieldError("productId", problem));
        }

        var size = RecommendationQuery.Count(count, _options, errors);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var serving = await models.GetAsync(cancellationToken);
        var catalog = await catalogs.GetAsync(cancellationToken);
        if (!RecommendationQuery.IsKnownProduct(productId, serving, catalog))
        {
            return Problem.NotFound($"No product '{productId}' in the catalog or the model.");
        }

        var engine = new RecommendationEngine(_options, serving.Weighting, profileOptions.Value.AffinityHalfLife);
        return HandlerResult<ProductListResponse>.Ok(new ProductListResponse
        {
            ProductId = productId,
            ModelVersion = serving.Version,
            Source = serving.Source,
            Items = engine.SimilarTo(serving, catalog, productId, size),
        });
    }
}
