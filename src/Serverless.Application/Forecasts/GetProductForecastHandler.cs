using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Domain.Validation;

namespace Serverless.Application.Forecasts;

/// <summary>
/// GET /api/forecasts/products/{productId}?horizon=&amp;granularity=day|week: 400 problem naming <c>horizon</c> or
/// <c>granularity</c>; 404 for a product neither the catalog nor the purchase history knows.
/// </summary>
public sealed class GetProductForecastHandler(ForecastService forecasts, IOptions<ForecastOptions> options)
{
    public async Task<HandlerResult<ForecastResponse>> HandleAsync(string productId, string? horizon, string? granularity, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (IdentifierRules.Check(productId) is { } problem)
        {
            errors.Add(new FieldError("productId", problem));
        }

        var request = ForecastRequest.Parse(horizon, granularity, options.Value, errors);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var response = await forecasts.ProductAsync(productId, request!, cancellationToken);
        return response is null
            ? Problem.NotFound($"No product '{productId}' in the catalog or the purchase history.")
            : HandlerResult<ForecastResponse>.Ok(response);
    }
}
