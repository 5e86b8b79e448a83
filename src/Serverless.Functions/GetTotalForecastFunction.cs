using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Forecasts;
using Serverless.Application.Hosting;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/forecasts/total?horizon=&amp;granularity=day|week (bottom-up sum of every product).</summary>
public sealed class GetTotalForecastFunction(GetTotalForecastHandler handler)
{
    [Function(FunctionNames.GetTotalForecast)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "forecasts/total")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(RequestValues.NonEmpty(request, "horizon"), RequestValues.NonEmpty(request, "granularity"), cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
