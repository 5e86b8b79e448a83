using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Serverless.Application.Common;
using Serverless.Infrastructure.Storage;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.Hosting;

[Collection(EmulatorCollection.Name)]
public sealed class QueueListenerTests(EmulatorFixture emulators)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_message_handled_successfully_is_deleted()
    {
        var received = new ConcurrentBag<string>();
        await using var harness = await QueueListenerHarness.CreateAsync(emulators, QueueListenerHarness.FastOptions(), (message, _) =>
        {
            received.Add(message);
            return Task.CompletedTask;
        });
        await harness.Sender.SendMessageAsync(harness.QueueName, """{"eventId":"e-1"}""");
        await harness.Sender.SendMessageAsync(harness.QueueName, """{"eventId":"e-2"}""");

        await harness.StartAsync();
        await Eventually.TrueAsync(async () => received.Count == 2 && await harness.CountAsync(harness.QueueName) == 0, Timeout, "both messages handled and deleted");
        await harness.StopAsync();

        Assert.Equal(["""{"eventId":"e-1"}""", """{"eventId":"e-2"}"""], received.Order());
        Assert.Empty(await harness.PeekPoisonAsync());
    }

    [Fact]
    public async Task A_message_that_fails_fewer_times_than_max_dequeue_count_is_retried_until_it_succeeds()
    {
        var attempts = 0;
        await using var harness = await QueueListenerHarness.CreateAsync(emulators, QueueListenerHarness.FastOptions(maxDequeueCount: 4), (_, _) =>
            Interlocked.Increment(ref attempts) <= 2 ? throw new InvalidOperationException("transient") : Task.CompletedTask);
        await harness.Sender.SendMessageAsync(harness.QueueName, "retry me");

        await harness.StartAsync();
        await Eventually.TrueAsync(async () => Volatile.Read(ref attempts) == 3 && await harness.CountAsync(harness.QueueName) == 0, Timeout, "third attempt succeeded and deleted the message");
        await Task.Delay(500);
        await harness.StopAsync();

        Assert.Equal(3, attempts);
        Assert.Empty(await harness.PeekPoisonAsync());
    }

    [Fact]
    public async Task A_message_failing_max_dequeue_count_times_moves_unchanged_to_the_poison_queue_with_the_reason_logged()
    {
        const string Body = """{"eventId":"e-poison","type":"purchase","note":"ünïcode & <xml>"}""";
        var attempts = 0;
        await using var harness = await QueueListenerHarness.CreateAsync(emulators, QueueListenerHarness.FastOptions(maxDequeueCount: 3), (_, _) =>
        {
            Interlocked.Increment(ref attempts);
            throw new PermanentMessageException("lines[0].quantity must be positive");
        });
        await harness.Sender.SendMessageAsync(harness.QueueName, Body);
        var stored = (await harness.Raw.PeekMessagesAsync(harness.QueueName)).Single().Body;

        await harness.StartAsync();
        await Eventually.TrueAsync(async () => (await harness.PeekPoisonAsync()).Count == 1, Timeout, "the message in the poison queue");
        await Task.Delay(500);
        await harness.StopAsync();

        Assert.Equal(3, attempts);
        Assert.Equal(0, await harness.CountAsync(harness.QueueName));
        var poisoned = (await harness.PeekPoisonAsync()).Single();
        Assert.Equal(stored, poisoned.Body);
        Assert.Equal(Body, (await harness.Sender.PeekMessagesAsync(harness.PoisonQueueName)).Single().Body);
        Assert.Contains(harness.Logger.Entries, entry =>
            entry.Level == LogLevel.Warning
            && entry.Message.Contains(harness.PoisonQueueName, StringComparison.Ordinal)
            && entry.Message.Contains("lines[0].quantity must be positive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_message_stays_invisible_for_the_visibility_timeout()
    {
        var attemptTimes = new ConcurrentQueue<long>();
        await using var harness = await QueueListenerHarness.CreateAsync(
            emulators,
            QueueListenerHarness.FastOptions(visibilityTimeout: TimeSpan.FromSeconds(2)),
            (_, _) =>
            {
                attemptTimes.Enqueue(Stopwatch.GetTimestamp());
                return attemptTimes.Count == 1 ? throw new InvalidOperationException("first attempt fails") : Task.CompletedTask;
            });
        await harness.Sender.SendMessageAsync(harness.QueueName, "delayed retry");

        await harness.StartAsync();
        await Eventually.TrueAsync(() => attemptTimes.Count == 2, Timeout, "the retry");
        await harness.StopAsync();

        var times = attemptTimes.ToArray();
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[1]) >= TimeSpan.FromSeconds(1.8), "the retry came before the visibility timeout");
    }

    [Fact]
    public async Task Messages_run_concurrently_up_to_the_batch_size_and_more_are_fetched_only_below_the_threshold()
    {
        var running = 0;
        var maxRunning = 0;
        var completed = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = QueueListenerHarness.FastOptions(batchSize: 4, newBatchThreshold: 2);
        await using var harness = await QueueListenerHarness.CreateAsync(emulators, options, async (_, _) =>
        {
            var now = Interlocked.Increment(ref running);
            int seen;
            while ((seen = Volatile.Read(ref maxRunning)) < now && Interlocked.CompareExchange(ref maxRunning, now, seen) != seen)
            {
            }

            await gate.Task;
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref completed);
        });
        for (var i = 0; i < 12; i++)
        {
            await harness.Sender.SendMessageAsync(harness.QueueName, $"message {i}");
        }

        await harness.StartAsync();
        await Eventually.TrueAsync(() => Volatile.Read(ref running) == 4, Timeout, "a full batch running");
        // With 4 in flight (above the threshold of 2) the listener must not fetch more, however long they run.
        await Task.Delay(1_000);
        Assert.Equal(4, Volatile.Read(ref running));

        gate.SetResult();
        await Eventually.TrueAsync(async () => Volatile.Read(ref completed) == 12 && await harness.CountAsync(harness.QueueName) == 0, Timeout, "all messages handled");
        await harness.StopAsync();

        Assert.InRange(maxRunning, 4, options.MaxConcurrentMessages);
    }

    [Fact]
    public async Task Base64_messages_are_decoded_before_the_handler_sees_them()
    {
        const string Body = """{"name":"Crème brûlée","tags":["<b>","&"]}""";
        var received = new ConcurrentBag<string>();
        await using var harness = await QueueListenerHarness.CreateAsync(emulators, QueueListenerHarness.FastOptions(), (message, _) =>
        {
            received.Add(message);
            return Task.CompletedTask;
        });
        await harness.Sender.SendMessageAsync(harness.QueueName, Body);

        Assert.Equal(
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Body)),
            (await harness.Raw.PeekMessagesAsync(harness.QueueName)).Single().Body);
        await harness.StartAsync();
        await Eventually.TrueAsync(() => received.Count == 1, Timeout, "the message handled");
        await harness.StopAsync();

        Assert.Equal(Body, received.Single());
    }

    [Fact]
    public async Task With_encoding_none_the_text_is_handed_over_as_stored()
    {
        const string Body = """{"name":"Crème brûlée","tags":["<b>","&"]}""";
        var received = new ConcurrentBag<string>();
        await using var harness = await QueueListenerHarness.CreateAsync(
            emulators,
            QueueListenerHarness.FastOptions(encoding: QueueMessageEncoding.None),
            (message, _) =>
            {
                received.Add(message);
                return Task.CompletedTask;
            });
        await harness.Raw.SendMessageAsync(harness.QueueName, Body);

        await harness.StartAsync();
        await Eventually.TrueAsync(() => received.Count == 1, Timeout, "the message handled");
        await harness.StopAsync();

        Assert.Equal(Body, received.Single());
    }

    [Fact]
    public async Task Text_that_is_not_base64_goes_to_the_poison_queue_without_running_the_function()
    {
        const string Body = """{"not":"base64"}""";
        var attempts = 0;
        await using var harness = await QueueListenerHarness.CreateAsync(emulators, QueueListenerHarness.FastOptions(), (_, _) =>
        {
            Interlocked.Increment(ref attempts);
            return Task.CompletedTask;
        });
        await harness.Raw.SendMessageAsync(harness.QueueName, Body);

        await harness.StartAsync();
        await Eventually.TrueAsync(async () => (await harness.PeekPoisonAsync()).Count == 1, Timeout, "the message in the poison queue");
        await harness.StopAsync();

        Assert.Equal(0, attempts);
        Assert.Equal(Body, (await harness.PeekPoisonAsync()).Single().Body);
        Assert.Equal(0, await harness.CountAsync(harness.QueueName));
    }

    [Fact]
    public async Task The_lease_is_renewed_while_a_long_function_runs_so_the_message_is_not_delivered_twice()
    {
        var attempts = 0;
        await using var harness = await QueueListenerHarness.CreateAsync(
            emulators,
            QueueListenerHarness.FastOptions(),
            async (_, cancellationToken) =>
            {
                Interlocked.Increment(ref attempts);
                // More than two lease durations: without renewal the message would reappear and run again meanwhile.
                // (A 4 s lease renewed every 2 s leaves room for a slow machine.)
                await Task.Delay(TimeSpan.FromSeconds(9), cancellationToken);
            },
            leaseDuration: TimeSpan.FromSeconds(4));
        await harness.Sender.SendMessageAsync(harness.QueueName, "long running");

        await harness.StartAsync();
        await Eventually.TrueAsync(async () => Volatile.Read(ref attempts) == 1 && await harness.CountAsync(harness.QueueName) == 0, Timeout, "the message handled once and deleted");
        await harness.StopAsync();

        Assert.Equal(1, attempts);
        Assert.Empty(await harness.PeekPoisonAsync());
    }

    [Fact]
    public async Task A_message_cancelled_by_shutdown_is_released_at_once_without_the_poison_rule()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await QueueListenerHarness.CreateAsync(
            emulators,
            QueueListenerHarness.FastOptions(maxDequeueCount: 1),
            async (_, cancellationToken) =>
            {
                started.TrySetResult();
                await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, cancellationToken);
            });
        await harness.Sender.SendMessageAsync(harness.QueueName, "interrupted");

        await harness.StartAsync();
        await started.Task.WaitAsync(Timeout);
        await harness.StopAsync();

        var visible = await harness.Sender.ReceiveMessagesAsync(harness.QueueName, 1, TimeSpan.FromSeconds(1));
        Assert.Equal("interrupted", Assert.Single(visible).Body);
        Assert.Empty(await harness.PeekPoisonAsync());
    }
}
