using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Forecasts;
using Serverless.Application.Hosting;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/forecasts/products/{productId}/reorder?leadTimeDays=&amp;serviceLevel=&amp;reviewPeriodDays= (reorder point and quantity).</summary>
public sealed class GetReorderPointFunction(GetReorderPointHandler handler)
{
    [Function(FunctionNames.GetReorderPoint)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "forecasts/products/{productId}/reorder")] HttpRequestData request,
        string productId,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(
            productId,
            RequestValues.NonEmpty(request, "leadTimeDays"),
            RequestValues.NonEmpty(request, "serviceLevel"),
            RequestValues.NonEmpty(request, "reviewPeriodDays"),
            cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
