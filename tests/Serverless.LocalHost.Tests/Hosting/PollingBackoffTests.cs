using Serverless.LocalHost.Queues;
using Xunit;

namespace Serverless.LocalHost.Tests.Hosting;

public sealed class PollingBackoffTests
{
    [Fact]
    public void Empty_polls_back_off_exponentially_up_to_the_maximum()
    {
        var backoff = new PollingBackoff(TimeSpan.FromSeconds(2), new Random(7));

        var delays = Enumerable.Range(0, 10).Select(_ => backoff.Next(foundMessages: false)).ToList();

        Assert.Equal(TimeSpan.FromMilliseconds(100), delays[0]);
        for (var i = 1; i < delays.Count; i++)
        {
            Assert.True(delays[i] >= delays[i - 1], $"delay {i} ({delays[i]}) is shorter than delay {i - 1} ({delays[i - 1]})");
        }

        // 100 ms + 100 ms * 2^(n-1) * [0.8, 1.2]
        Assert.InRange(delays[1].TotalMilliseconds, 180, 220);
        Assert.InRange(delays[2].TotalMilliseconds, 260, 340);
        Assert.Equal(TimeSpan.FromSeconds(2), delays[^1]);
        Assert.All(delays, delay => Assert.True(delay <= TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_poll_that_found_messages_resets_the_back_off_to_the_minimum()
    {
        var backoff = new PollingBackoff(TimeSpan.FromSeconds(2), new Random(7));
        for (var i = 0; i < 10; i++)
        {
            backoff.Next(foundMessages: false);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next(foundMessages: true));
        Assert.InRange(backoff.Next(foundMessages: false).TotalMilliseconds, 180, 220);
    }

    [Fact]
    public void A_maximum_below_the_minimum_interval_is_raised_to_it()
    {
        var backoff = new PollingBackoff(TimeSpan.FromMilliseconds(10), new Random(7));

        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next(foundMessages: false));
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next(foundMessages: false));
    }
}
