using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;

namespace Serverless.Application.Recommendations;

/// <summary>GET /api/products/trending?count=&amp;segment=&amp;category=: trending products, optionally among one RFM segment and in one category.</summary>
public sealed class GetTrendingProductsHandler(
    ServingModelProvider models,
    CatalogViewProvider catalogs,
    IOptions<RecommendationOptions> options,
    IOptions<ProfileOptions> profileOptions)
{
    private readonly RecommendationOptions _options = options.Value;

    public async Task<HandlerResult<ProductListResponse>> HandleAsync(int? count, string? segment, string? category, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var size = RecommendationQuery.Count(count, _options, errors);
        var segmentId = string.IsNullOrEmpty(segment) ? null : segment;
        if (segmentId is not null && RfmSegments.Find(segmentId) is null)
        {
            errors.Add(new FieldError("segment", $"must be a segment id: {string.Join(", ", RfmSegments.All.Select(s => s.Id))}."));
        }

        var wantedCategory = RecommendationQuery.Category(category, errors);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var serving = await models.GetAsync(cancellationToken);
        var catalog = await catalogs.GetAsync(cancellationToken);
        var engine = new RecommendationEngine(_options, serving.Weighting, profileOptions.Value.AffinityHalfLife);
        return HandlerResult<ProductListResponse>.Ok(new ProductListResponse
        {
            Segment = segmentId,
            Category = wantedCategory,
            ModelVersion = serving.Version,
            Source = serving.Source,
            Items = engine.Trending(serving, catalog, segmentId, wantedCategory, size),
        });
    }
}
