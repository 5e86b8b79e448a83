using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Health;
using Serverless.Application.Hosting;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/health (anonymous): 200 when every dependency answers, else 503, with each probe's state.</summary>
public sealed class HealthFunction(HealthCheckHandler handler)
{
    [Function(FunctionNames.Health)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
