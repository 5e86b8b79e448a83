using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Domain.Validation;

namespace Serverless.Application.Forecasts;

/// <summary>
/// GET /api/forecasts/categories/{category}?horizon=&amp;granularity=day|week: the sum of the category's product
/// forecasts (bottom-up); 400 problem naming the field; 404 for a category without sales in the history.
/// </summary>
public sealed class GetCategoryForecastHandler(ForecastService forecasts, IOptions<ForecastOptions> options)
{
    public async Task<HandlerResult<ForecastResponse>> HandleAsync(string category, string? horizon, string? granularity, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (IdentifierRules.Check(category) is { } problem)
        {
            errors.Add(new FieldError("category", problem));
        }

        var request = ForecastRequest.Parse(horizon, granularity, options.Value, errors);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var response = await forecasts.CategoryAsync(category, request!, cancellationToken);
        return response is null
            ? Problem.NotFound($"No sales of category '{category}' in the purchase history.")
            : HandlerResult<ForecastResponse>.Ok(response);
    }
}
