using Serverless.Domain.Ports;
using Serverless.Domain.Segments;

namespace Serverless.Application.Segments;

/// <summary>
/// The current RFM thresholds, read from the segments container at most once a minute per instance (they change
/// hourly), <see cref="RfmThresholds.Default"/> before the first recompute.
/// </summary>
public sealed class RfmThresholdsProvider(ISegmentRepository segments, TimeProvider timeProvider)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);

    private volatile CacheEntry? _entry;

    public async Task<RfmThresholds> GetAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var entry = _entry;
        if (entry is not null && now - entry.ReadAt < CacheDuration)
        {
            return entry.Thresholds;
        }

        // Concurrent misses may each read once; that is cheaper than making every event wait on a lock.
        var thresholds = await segments.GetThresholdsAsync(cancellationToken) ?? RfmThresholds.Default;
        _entry = new CacheEntry(thresholds, now);
        return thresholds;
    }

    /// <summary>Replaces the cached value (after this instance saved new thresholds).</summary>
    public void Set(RfmThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        _entry = new CacheEntry(thresholds, timeProvider.GetUtcNow());
    }

    private sealed record CacheEntry(RfmThresholds Thresholds, DateTimeOffset ReadAt);
}
