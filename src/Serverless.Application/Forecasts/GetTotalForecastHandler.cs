using Microsoft.Extensions.Options;
using Serverless.Application.Common;

namespace Serverless.Application.Forecasts;

/// <summary>
/// GET /api/forecasts/total?horizon=&amp;granularity=day|week: the shop's total demand, the sum of every product's
/// forecast (bottom-up, so it equals the sum of the category forecasts); 400 problem naming <c>horizon</c> or
/// <c>granularity</c>; 404 when the purchase history holds no sale at all.
/// </summary>
public sealed class GetTotalForecastHandler(ForecastService forecasts, IOptions<ForecastOptions> options)
{
    public async Task<HandlerResult<ForecastResponse>> HandleAsync(string? horizon, string? granularity, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var request = ForecastRequest.Parse(horizon, granularity, options.Value, errors);
        if (request is null)
        {
            return Problem.Validation(errors);
        }

        var response = await forecasts.TotalAsync(request, cancellationToken);
        return response is null
            ? Problem.NotFound("No sales in the purchase history.")
            : HandlerResult<ForecastResponse>.Ok(response);
    }
}
