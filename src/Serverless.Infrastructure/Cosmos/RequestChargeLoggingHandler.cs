using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>
/// Sits in the SDK's request pipeline, so every point operation, query page and change-feed page is logged with
/// what it cost in one place, and counted on <see cref="CosmosMetrics"/>. The SDK requires handlers to be stateless; the logger is.
/// </summary>
internal sealed class RequestChargeLoggingHandler(ILogger logger) : RequestHandler
{
    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var operation = new KeyValuePair<string, object?>("method", request.Method.Method);
        CosmosMetrics.Requests.Add(1, operation);
        CosmosMetrics.RequestCharge.Add(response.Headers.RequestCharge, operation);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug(
                "Cosmos {Method} {Resource} answered {StatusCode} costing {RequestCharge} RU",
                request.Method,
                request.RequestUri,
                (int)response.StatusCode,
                response.Headers.RequestCharge);
        }

        return response;
    }
}
