using Microsoft.Extensions.Logging;

namespace Serverless.Application.Recommendations;

/// <summary>
/// A value loaded once and refreshed at most every interval, on the request path but without making requests wait:
/// the first load is awaited by everyone; later, one caller refreshes while the others keep the value they have.
/// A failed refresh keeps the old value (logged) and is tried again after the next interval.
/// </summary>
public sealed class PeriodicRefresh<T>(
    Func<T?, CancellationToken, Task<T>> load, TimeSpan interval, TimeProvider timeProvider, ILogger logger, string what)
    where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _entry;

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        var entry = _entry;
        if (entry is not null && timeProvider.GetUtcNow() - entry.CheckedAt < interval)
        {
            return entry.Value;
        }

        if (entry is null)
        {
            await _loading.WaitAsync(cancellationToken);
            try
            {
                _entry ??= new Entry(await load(null, cancellationToken), timeProvider.GetUtcNow());
                return _entry.Value;
            }
            finally
            {
                _loading.Release();
            }
        }

        if (!await _loading.WaitAsync(0, cancellationToken))
        {
            return entry.Value;
        }

        try
        {
            var current = _entry!;
            if (timeProvider.GetUtcNow() - current.CheckedAt < interval)
            {
                return current.Value;
            }

            try
            {
                _entry = new Entry(await load(current.Value, cancellationToken), timeProvider.GetUtcNow());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Refreshing the {What} failed; the one loaded before keeps serving", what);
                _entry = current with { CheckedAt = timeProvider.GetUtcNow() };
            }

            return _entry.Value;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Entry(T Value, DateTimeOffset CheckedAt);
}
