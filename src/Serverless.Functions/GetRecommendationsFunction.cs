using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Recommendations;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/users/{userId}/recommendations?count=&amp;context=&amp;productId=&amp;category= (cold-start list for an unknown user).</summary>
public sealed class GetRecommendationsFunction(GetRecommendationsHandler handler)
{
    [Function(FunctionNames.GetRecommendations)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "users/{userId}/recommendations")] HttpRequestData request,
        string userId,
        CancellationToken cancellationToken)
    {
        if (!RequestValues.TryGetInteger(request, "count", out var count, out var problem))
        {
            return await HttpResponses.FromProblemAsync(request, problem!, cancellationToken);
        }

        var result = await handler.HandleAsync(
            userId,
            count,
            RequestValues.NonEmpty(request, "context"),
            RequestValues.NonEmpty(request, "productId"),
            RequestValues.NonEmpty(request, "category"),
            cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
