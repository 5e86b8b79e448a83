using System.Text;
using Serverless.Infrastructure.Storage;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Storage;

[Collection(EmulatorCollection.Name)]
public sealed class QueueStorageClientTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private readonly StorageAccount _account = StorageAccount.Parse(fixture.StorageConnectionString);
    private readonly string _queue = StorageTestNames.Unique("queue");
    private QueueStorageClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = new QueueStorageClient(_account);
        Assert.True(await _client.CreateQueueIfNotExistsAsync(_queue));
    }

    public async Task DisposeAsync() => await _client.DeleteQueueIfExistsAsync(_queue);

    [Fact]
    public async Task Create_and_delete_report_whether_anything_changed()
    {
        var other = StorageTestNames.Unique("q");

        Assert.False(await _client.CreateQueueIfNotExistsAsync(_queue));
        Assert.False(await _client.DeleteQueueIfExistsAsync(other));
        Assert.True(await _client.CreateQueueIfNotExistsAsync(other));
        Assert.True(await _client.DeleteQueueIfExistsAsync(other));
    }

    [Fact]
    public async Task Non_ascii_text_round_trips_and_travels_as_base64_of_utf8()
    {
        const string text = "{\"query\":\"café ☕ 東京 🚀 <b>&amp;\"}";
        var raw = new QueueStorageClient(_account, new StorageClientOptions { MessageEncoding = QueueMessageEncoding.None });

        var sent = await _client.SendMessageAsync(_queue, text);
        var peekedRaw = Assert.Single(await raw.PeekMessagesAsync(_queue));
        var received = Assert.Single(await _client.ReceiveMessagesAsync(_queue));

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), peekedRaw.Body);
        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(text, received.Body);
        Assert.False(received.DecodingFailed);
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task Plain_encoding_escapes_xml_and_base64_readers_flag_undecodable_text()
    {
        var raw = new QueueStorageClient(_account, new StorageClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await raw.SendMessageAsync(_queue, "<not base64 & not xml>");
        var peeked = Assert.Single(await raw.PeekMessagesAsync(_queue));
        var received = Assert.Single(await _client.ReceiveMessagesAsync(_queue));

        Assert.Equal("<not base64 & not xml>", peeked.Body);
        Assert.True(received.DecodingFailed);
        Assert.Equal("<not base64 & not xml>", received.Body);
    }

    [Fact]
    public async Task A_received_message_stays_hidden_until_released_and_counts_each_dequeue()
    {
        await _client.SendMessageAsync(_queue, "poison?");
        var dequeueCounts = new List<long>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var message = Assert.Single(await _client.ReceiveMessagesAsync(_queue, visibilityTimeout: TimeSpan.FromMinutes(5)));
            dequeueCounts.Add(message.DequeueCount);
            Assert.Empty(await _client.ReceiveMessagesAsync(_queue));

            // Release it at once, as a failed handler does before the next retry.
            var update = await _client.UpdateMessageAsync(_queue, message.MessageId, message.PopReceipt, TimeSpan.Zero);
            Assert.NotEqual(message.PopReceipt, update.PopReceipt);
        }

        Assert.Equal([1L, 2L, 3L], dequeueCounts);
        Assert.Equal(1, await _client.GetApproximateMessageCountAsync(_queue));
    }

    [Fact]
    public async Task Update_replaces_text_and_only_the_new_pop_receipt_deletes()
    {
        await _client.SendMessageAsync(_queue, "before");
        var message = Assert.Single(await _client.ReceiveMessagesAsync(_queue, visibilityTimeout: TimeSpan.FromMinutes(1)));

        var update = await _client.UpdateMessageAsync(_queue, message.MessageId, message.PopReceipt, TimeSpan.Zero, "after ✓");
        var stale = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            _client.DeleteMessageAsync(_queue, message.MessageId, message.PopReceipt));
        var again = Assert.Single(await _client.ReceiveMessagesAsync(_queue, visibilityTimeout: TimeSpan.FromMinutes(1)));

        Assert.Equal(400, stale.Status);
        Assert.Equal("after ✓", again.Body);
        Assert.NotEqual(update.PopReceipt, again.PopReceipt);
        Assert.True(await _client.DeleteMessageAsync(_queue, again.MessageId, again.PopReceipt));
        Assert.False(await _client.DeleteMessageAsync(_queue, again.MessageId, again.PopReceipt));
        Assert.Equal(0, await _client.GetApproximateMessageCountAsync(_queue));
    }

    [Fact]
    public async Task A_delayed_message_is_counted_but_not_visible_and_ttl_sets_expiry()
    {
        var delayed = await _client.SendMessageAsync(_queue, "later", visibilityDelay: TimeSpan.FromMinutes(10));
        var shortLived = await _client.SendMessageAsync(_queue, "soon", timeToLive: TimeSpan.FromMinutes(2));
        var forever = await _client.SendMessageAsync(_queue, "forever", timeToLive: Timeout.InfiniteTimeSpan);

        var visible = await _client.PeekMessagesAsync(_queue, 32);

        Assert.Equal(["soon", "forever"], visible.Select(message => message.Body));
        Assert.Equal(3, await _client.GetApproximateMessageCountAsync(_queue));
        Assert.InRange(delayed.NextVisibleOn - delayed.InsertedOn, TimeSpan.FromSeconds(599), TimeSpan.FromSeconds(601));
        Assert.InRange(shortLived.ExpiresOn - shortLived.InsertedOn, TimeSpan.FromSeconds(119), TimeSpan.FromSeconds(121));
        Assert.True(forever.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100));
    }

    [Fact]
    public async Task Receive_takes_up_to_32_and_clear_empties_the_queue()
    {
        for (var i = 0; i < 35; i++)
        {
            await _client.SendMessageAsync(_queue, $"m{i}");
        }

        var batch = await _client.ReceiveMessagesAsync(_queue, QueueStorageClient.MaxMessagesPerReceive);
        await _client.ClearMessagesAsync(_queue);

        Assert.Equal(32, batch.Count);
        Assert.Equal(32, batch.Select(message => message.MessageId).Distinct().Count());
        Assert.All(batch, message => Assert.True(message.NextVisibleOn > message.InsertedOn));
        Assert.Equal(0, await _client.GetApproximateMessageCountAsync(_queue));
        Assert.Empty(await _client.ReceiveMessagesAsync(_queue));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.ReceiveMessagesAsync(_queue, 33));
    }

    [Fact]
    public async Task A_missing_queue_is_a_typed_404()
    {
        var missing = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            _client.SendMessageAsync(StorageTestNames.Unique("absent"), "x"));

        Assert.Equal((404, StorageErrorCodes.QueueNotFound), (missing.Status, missing.ErrorCode));
    }
}
