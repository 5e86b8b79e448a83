using Serverless.LocalHost.Configuration;

namespace Serverless.LocalHost.Queues;

/// <summary>
/// The runtime's randomized exponential back-off between polls of an empty queue: 100 ms after a poll that found
/// messages, then 100 ms + 100 ms × 2^(n-1) (±20%) for the n-th empty poll in a row, capped at the maximum interval.
/// </summary>
public sealed class PollingBackoff
{
    private const double RandomizationFactor = 0.2;

    private readonly TimeSpan _minimum;
    private readonly TimeSpan _maximum;
    private readonly Random _random;
    private TimeSpan _current;
    private int _exponent;

    public PollingBackoff(TimeSpan maximum, Random? random = null)
    {
        _minimum = QueuesOptions.MinimumPollingInterval;
        _maximum = maximum < _minimum ? _minimum : maximum;
        _random = random ?? Random.Shared;
    }

    /// <summary>The wait before the next poll; <paramref name="foundMessages"/> tells whether any poll since the last wait found messages.</summary>
    public TimeSpan Next(bool foundMessages)
    {
        if (foundMessages)
        {
            _current = _minimum;
            _exponent = 1;
            return _current;
        }

        if (_current == _maximum)
        {
            return _current;
        }

        var interval = _minimum;
        if (_exponent > 0)
        {
            var factor = 1 - RandomizationFactor + (_random.NextDouble() * 2 * RandomizationFactor);
            interval += TimeSpan.FromMilliseconds(factor * Math.Pow(2, _exponent - 1) * _minimum.TotalMilliseconds);
        }

        if (interval < _maximum)
        {
            _current = interval;
            _exponent++;
        }
        else
        {
            _current = _maximum;
        }

        return _current;
    }
}
