using Microsoft.Azure.Functions.Worker;
using Serverless.Application.Catalog;
using Serverless.Application.Hosting;

namespace Serverless.Functions;

/// <summary>One catalog update from the <c>catalog</c> queue (poison queue <c>catalog-poison</c>).</summary>
public sealed class ProcessCatalogFunction(ProcessCatalogMessageHandler handler)
{
    [Function(FunctionNames.ProcessCatalog)]
    public Task RunAsync(
        [QueueTrigger("%CatalogQueueName%", Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
