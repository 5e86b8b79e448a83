using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Serverless.Application.Forecasts;

/// <summary>
/// Models fitted on demand, kept for <see cref="ForecastOptions.ModelCacheSeconds"/> and reused for any horizon, so a
/// repeated request costs a prediction, not a backtest. Concurrent requests for one series share one fit; a failed fit
/// is not kept. The key includes the history's last day, so a new day's history never reuses yesterday's model.
/// </summary>
public sealed class ForecastModelCache(IOptions<ForecastOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _duration = options.Value.ModelCacheDuration;

    public int Count => _entries.Count;

    /// <summary>The cached value, or <paramref name="fit"/> run on the thread pool and kept.</summary>
    public Task<T> GetOrAddAsync<T>(string key, Func<T> fit)
        where T : class? =>
        GetOrFitAsync(key, () => Task.Run(fit));

    /// <summary>The cached value, or the result of the asynchronous <paramref name="fit"/> (say, a sum of cached parts) kept.</summary>
    public async Task<T> GetOrFitAsync<T>(string key, Func<Task<T>> fit)
        where T : class?
    {
        var now = timeProvider.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached) && now - cached.CreatedAt < _duration)
        {
            return (T)(await cached.Value.Value)!;
        }

        var entry = new Entry(new Lazy<Task<object?>>(async () => await fit()), now);
        var kept = _entries.AddOrUpdate(key, entry, (_, existing) => now - existing.CreatedAt < _duration ? existing : entry);
        try
        {
            return (T)(await kept.Value.Value)!;
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(key, kept));
            throw;
        }
        finally
        {
            if (_duration <= TimeSpan.Zero)
            {
                _entries.TryRemove(KeyValuePair.Create(key, kept));
            }

            Evict(now);
        }
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (now - entry.CreatedAt >= _duration && entry.Value.IsValueCreated && entry.Value.Value.IsCompleted)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }

    private sealed record Entry(Lazy<Task<object?>> Value, DateTimeOffset CreatedAt);
}
