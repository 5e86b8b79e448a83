using Serverless.Domain.Ports;

namespace Serverless.Infrastructure.Storage;

/// <summary>Storage answers an authorized, read-only request (the metadata of queue <c>events</c>).</summary>
public sealed class StorageHealthProbe(QueueStorageClient queues) : IHealthProbe
{
    public string Name => "storage";

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await queues.GetApproximateMessageCountAsync(QueueNames.Events, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageRequestFailedException exception) when (exception.IsNotFound)
        {
            // The queue is created on first publish; the service did answer with our credentials.
            return true;
        }
    }
}
