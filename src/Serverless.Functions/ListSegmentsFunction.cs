using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Segments;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/segments: every segment with its rule and size, and the current RFM thresholds.</summary>
public sealed class ListSegmentsFunction(ListSegmentsHandler handler)
{
    [Function(FunctionNames.ListSegments)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "segments")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
