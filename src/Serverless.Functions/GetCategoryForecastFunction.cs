using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Forecasts;
using Serverless.Application.Hosting;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/forecasts/categories/{category}?horizon=&amp;granularity=day|week (bottom-up sum of the category's products).</summary>
public sealed class GetCategoryForecastFunction(GetCategoryForecastHandler handler)
{
    [Function(FunctionNames.GetCategoryForecast)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "forecasts/categories/{category}")] HttpRequestData request,
        string category,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(
            category, RequestValues.NonEmpty(request, "horizon"), RequestValues.NonEmpty(request, "granularity"), cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
