using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Profiles;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/users/{userId}/profile (404 problem for an unknown user).</summary>
public sealed class GetProfileFunction(GetProfileHandler handler)
{
    [Function(FunctionNames.GetProfile)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "users/{userId}/profile")] HttpRequestData request,
        string userId,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(userId, cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
