using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Segments;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/segments/{segmentId}/members?pageSize=&amp;continuationToken= (one page of members).</summary>
public sealed class ListSegmentMembersFunction(ListSegmentMembersHandler handler)
{
    [Function(FunctionNames.ListSegmentMembers)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "segments/{segmentId}/members")] HttpRequestData request,
        string segmentId,
        CancellationToken cancellationToken)
    {
        if (!RequestValues.TryGetInteger(request, "pageSize", out var pageSize, out var problem))
        {
            return await HttpResponses.FromProblemAsync(request, problem!, cancellationToken);
        }

        var continuationToken = RequestValues.NonEmpty(request, "continuationToken");
        var result = await handler.HandleAsync(segmentId, pageSize, continuationToken, cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
