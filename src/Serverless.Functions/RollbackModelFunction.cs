using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Training;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>POST /api/models/{name}/rollback with <c>{"version": "..."}</c>: makes a stored version current (a pointer change).</summary>
public sealed class RollbackModelFunction(RollbackModelHandler handler)
{
    [Function(FunctionNames.RollbackModel)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "models/{name}/rollback")] HttpRequestData request,
        string name,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(name, new RollbackRequest(RequestValues.ContentType(request), request.Body), cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
