using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Forecasts;
using Serverless.Application.Hosting;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/forecasts/products/{productId}?horizon=&amp;granularity=day|week (400 naming the field, 404 for an unknown product).</summary>
public sealed class GetProductForecastFunction(GetProductForecastHandler handler)
{
    [Function(FunctionNames.GetProductForecast)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "forecasts/products/{productId}")] HttpRequestData request,
        string productId,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(
            productId, RequestValues.NonEmpty(request, "horizon"), RequestValues.NonEmpty(request, "granularity"), cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
