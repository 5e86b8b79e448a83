using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Hosting;
using Serverless.Application.Support;
using Serverless.Functions.Http;

namespace Serverless.Functions;

/// <summary>POST /api/support/replies with <c>{conversationId?, userId?, message, locale?}</c>: one customer-service turn.</summary>
public sealed class ReplyToCustomerFunction(ReplyToCustomerHandler handler)
{
    [Function(FunctionNames.ReplyToCustomer)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "support/replies")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new SupportReplyRequest(RequestValues.ContentType(request), request.Body), cancellationToken);
        return await HttpResponses.FromResultAsync(request, result, cancellationToken);
    }
}
