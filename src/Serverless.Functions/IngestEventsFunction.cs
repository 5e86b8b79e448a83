using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Events;
using Serverless.Application.Hosting;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>POST /api/events: one event or a JSON array of events, each published to the <c>events</c> queue (202).</summary>
public sealed class IngestEventsFunction(IngestEventsHandler handler)
{
    [Function(FunctionNames.IngestEvents)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "events")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var ingest = new IngestRequest(RequestValues.ContentType(request), RequestValues.ContentLength(request), request.Body);
        var result = await handler.HandleAsync(ingest, cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
