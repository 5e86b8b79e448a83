using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Training;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/models: every model with its current version.</summary>
public sealed class ListModelsFunction(ListModelsHandler handler)
{
    [Function(FunctionNames.ListModels)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
