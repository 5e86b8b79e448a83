using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Recommendations;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/products/trending?count=&amp;segment=&amp;category=.</summary>
public sealed class GetTrendingProductsFunction(GetTrendingProductsHandler handler)
{
    [Function(FunctionNames.GetTrendingProducts)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "products/trending")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        if (!RequestValues.TryGetInteger(request, "count", out var count, out var problem))
        {
            return await HttpResponses.FromProblemAsync(request, problem!, cancellationToken);
        }

        var result = await handler.HandleAsync(
            count, RequestValues.NonEmpty(request, "segment"), RequestValues.NonEmpty(request, "category"), cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
