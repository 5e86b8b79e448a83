using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;
using Serverless.Domain.Validation;

namespace Serverless.Application.Recommendations;

/// <summary>
/// GET /api/users/{userId}/recommendations?count=&amp;context=home|product|cart&amp;productId=&amp;category=: a
/// personalized list with a reason per item (see <see cref="RecommendationEngine"/>). An unknown user gets the
/// cold-start list; <c>productId</c> goes with context product (which it implies when context is absent) and must be
/// a known product (404 otherwise); a bad count, context, productId or category is a 400 naming it.
/// </summary>
public sealed class GetRecommendationsHandler(
    IProfileRepository profiles,
    ServingModelProvider models,
    CatalogViewProvider catalogs,
    IOptions<RecommendationOptions> options,
    IOptions<ProfileOptions> profileOptions,
    TimeProvider timeProvider)
{
    private readonly RecommendationOptions _options = options.Value;

    public async Task<HandlerResult<RecommendationsResponse>> HandleAsync(
        string userId, int? count, string? context, string? productId, string? category, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (IdentifierRules.Check(userId) is { } userProblem)
        {
            errors.Add(new FieldError("userId", userProblem));
        }

        var size = RecommendationQuery.Count(count, _options, errors);
        var parsedContext = RecommendationQuery.Context(context, productId, errors);
        var anchor = RecommendationQuery.ProductId(productId, parsedContext, errors);
        var wantedCategory = RecommendationQuery.Category(category, errors);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var serving = await models.GetAsync(cancellationToken);
        var catalog = await catalogs.GetAsync(cancellationToken);
        if (anchor is not null && !RecommendationQuery.IsKnownProduct(anchor, serving, catalog))
        {
            return Problem.NotFound($"No product '{anchor}' in the catalog or the model.");
        }

        var profile = (await profiles.GetAsync(userId, cancellationToken))?.Value;
        var engine = new RecommendationEngine(_options, serving.Weighting, profileOptions.Value.AffinityHalfLife);
        var items = engine.ForUser(serving, catalog, profile, parsedContext, anchor, wantedCategory, size, timeProvider.GetUtcNow());
        return HandlerResult<RecommendationsResponse>.Ok(new RecommendationsResponse
        {
            UserId = userId,
            Context = parsedContext,
            ModelVersion = serving.Version,
            Source = serving.Source,
            Items = items,
        });
    }
}
