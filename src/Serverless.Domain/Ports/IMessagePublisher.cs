namespace Serverless.Domain.Ports;

/// <summary>Sends JSON messages to a Storage queue by name (events, catalog, segment-changes, ...).</summary>
public interface IMessagePublisher
{
    Task PublishAsync<T>(string queueName, T message, CancellationToken cancellationToken);
}
