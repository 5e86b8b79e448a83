using Microsoft.Azure.Functions.Worker;
using Serverless.Application.Forecasts;
using Serverless.Application.Hosting;

namespace Serverless.Functions;

/// <summary>Refits and precomputes one category at one granularity from the <c>forecast-requests</c> queue (poison queue <c>forecast-requests-poison</c>).</summary>
public sealed class ProcessForecastRequestFunction(ProcessForecastRequestHandler handler)
{
    [Function(FunctionNames.ProcessForecastRequest)]
    public Task RunAsync(
        [QueueTrigger("%ForecastRequestsQueueName%", Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
