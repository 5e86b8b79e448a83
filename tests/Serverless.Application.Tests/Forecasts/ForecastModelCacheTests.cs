using Microsoft.Extensions.Options;
using Serverless.Application.Forecasts;
using Serverless.Application.Tests.Fakes;
using Xunit;

namespace Serverless.Application.Tests.Forecasts;

public sealed class ForecastModelCacheTests
{
    [Fact]
    public async Task Concurrent_requests_share_one_fit_which_is_reused_until_it_expires()
    {
        var clock = new ManualTimeProvider(TestApplication.Start);
        var cache = new ForecastModelCache(Options.Create(new ForecastOptions { ModelCacheSeconds = 60 }), clock);
        var fits = 0;
        using var gate = new ManualResetEventSlim();
        string Fit()
        {
            Interlocked.Increment(ref fits);
            gate.Wait(TimeSpan.FromSeconds(10));
            return "model-" + fits;
        }

        var waiting = Enumerable.Range(0, 8).Select(_ => cache.GetOrAddAsync("K1", Fit)).ToList();
        gate.Set();
        var results = await Task.WhenAll(waiting);
        var reused = await cache.GetOrAddAsync("K1", Fit);
        clock.Advance(TimeSpan.FromSeconds(61));
        var refitted = await cache.GetOrAddAsync("K1", Fit);

        Assert.All(results, r => Assert.Equal("model-1", r));
        Assert.Equal("model-1", reused);
        Assert.Equal("model-2", refitted);
        Assert.Equal(2, fits);
    }

    [Fact]
    public async Task A_failed_fit_is_not_kept_and_a_zero_duration_keeps_nothing()
    {
        var clock = new ManualTimeProvider(TestApplication.Start);
        var cache = new ForecastModelCache(Options.Create(new ForecastOptions { ModelCacheSeconds = 60 }), clock);
        var uncached = new ForecastModelCache(Options.Create(new ForecastOptions { ModelCacheSeconds = 0 }), clock);
        var calls = 0;

        await Assert.ThrowsAsync<ArgumentException>(() => cache.GetOrAddAsync<string>("K1", () => throw new ArgumentException("too short")));
        var afterFailure = await cache.GetOrAddAsync("K1", () => "fitted");
        await uncached.GetOrAddAsync("K1", () => (++calls).ToString());
        var second = await uncached.GetOrAddAsync("K1", () => (++calls).ToString());

        Assert.Equal("fitted", afterFailure);
        Assert.Equal("2", second);
        Assert.Equal(0, uncached.Count);
    }
}
