using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Recommendations;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/products/{productId}/similar?count= (404 problem for an unknown product).</summary>
public sealed class GetSimilarProductsFunction(GetSimilarProductsHandler handler)
{
    [Function(FunctionNames.GetSimilarProducts)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "products/{productId}/similar")] HttpRequestData request,
        string productId,
        CancellationToken cancellationToken)
    {
        if (!RequestValues.TryGetInteger(request, "count", out var count, out var problem))
        {
            return await HttpResponses.FromProblemAsync(request, problem!, cancellationToken);
        }

        var result = await handler.HandleAsync(productId, count, cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
