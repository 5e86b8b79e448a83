using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Support;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>GET /api/support/conversations/{conversationId} (404 problem for an unknown or expired conversation).</summary>
public sealed class GetConversationFunction(GetConversationHandler handler)
{
    [Function(FunctionNames.GetConversation)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "support/conversations/{conversationId}")] HttpRequestData request,
        string conversationId,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(conversationId, cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
