using System.Text;
using Serverless.Infrastructure.Messaging;
using Serverless.Infrastructure.Storage;
using Serverless.Infrastructure.Tests.Storage;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Messaging;

[Collection(EmulatorCollection.Name)]
public sealed class QueueMessagePublisherTests(EmulatorFixture fixture)
{
    private readonly StorageAccount _account = StorageAccount.Parse(fixture.StorageConnectionString);

    [Fact]
    public async Task Publishes_domain_json_base64_encoded_to_a_queue_it_creates()
    {
        var queues = new QueueStorageClient(_account);
        var raw = new QueueStorageClient(_account, new StorageClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var publisher = new QueueMessagePublisher(queues);
        var queue = StorageTestNames.Unique("publish");

        await publisher.PublishAsync(queue, new Sample("u-1", SampleKind.AtRisk, null), CancellationToken.None);
        await publisher.PublishAsync(queue, new Sample("u-2", SampleKind.Active, "n"), CancellationToken.None);

        var wire = await raw.PeekMessagesAsync(queue, 32);
        var received = await queues.ReceiveMessagesAsync(queue, 32);

        Assert.Equal(
            ["{\"userId\":\"u-1\",\"kind\":\"at_risk\"}", "{\"userId\":\"u-2\",\"kind\":\"active\",\"note\":\"n\"}"],
            received.Select(message => message.Body));
        Assert.Equal(received.Select(m => Convert.ToBase64String(Encoding.UTF8.GetBytes(m.Body))), wire.Select(m => m.Body));
        await queues.DeleteQueueIfExistsAsync(queue);
    }

    [Fact]
    public async Task A_queue_deleted_after_first_use_is_created_again()
    {
        var queues = new QueueStorageClient(_account);
        var publisher = new QueueMessagePublisher(queues);
        var queue = StorageTestNames.Unique("gone");
        await publisher.PublishAsync(queue, new Sample("u-1", SampleKind.Active, null), CancellationToken.None);
        await queues.DeleteQueueIfExistsAsync(queue);

        await publisher.PublishAsync(queue, new Sample("u-2", SampleKind.Active, null), CancellationToken.None);

        var message = Assert.Single(await queues.ReceiveMessagesAsync(queue, 32));
        Assert.Contains("u-2", message.Body, StringComparison.Ordinal);
        await queues.DeleteQueueIfExistsAsync(queue);
    }

    private enum SampleKind
    {
        Active,
        AtRisk,
    }

    private sealed record Sample(string UserId, SampleKind Kind, string? Note);
}
