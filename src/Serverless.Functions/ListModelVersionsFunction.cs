using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Training;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/models/{name}/versions: the stored versions' manifests, newest first.</summary>
public sealed class ListModelVersionsFunction(ListModelVersionsHandler handler)
{
    [Function(FunctionNames.ListModelVersions)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{name}/versions")] HttpRequestData request,
        string name,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(name, cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
