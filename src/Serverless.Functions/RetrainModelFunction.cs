using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Training;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>POST /api/models/{name}/retrain: runs the model's retraining job now and answers its report.</summary>
public sealed class RetrainModelFunction(RetrainModelHandler handler)
{
    [Function(FunctionNames.RetrainModel)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "models/{name}/retrain")] HttpRequestData request,
        string name,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(name, cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
