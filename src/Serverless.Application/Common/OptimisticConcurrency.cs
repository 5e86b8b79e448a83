namespace Serverless.Application.Common;

/// <summary>
/// Pacing of read-modify-write loops guarded by ETags. Many writers of one document (a burst of events for one user)
/// each retry after a short random pause, which spreads them out instead of letting them collide again in lockstep.
/// </summary>
public static class OptimisticConcurrency
{
    /// <summary>Generous on purpose: hundreds of concurrent events for one user must all land.</summary>
    public const int MaxAttempts = 100;

    private const int MaxDelayMilliseconds = 200;

    /// <summary>
    /// Waits a random time between 1 ms and a cap that doubles with each attempt (4, 8, ... up to 200 ms): "full
    /// jitter", which spreads a crowd of writers out fastest. Attempts ran for at most about 15 s in all.
    /// </summary>
    public static Task BackoffAsync(int attempt, CancellationToken cancellationToken)
    {
        var cap = Math.Min(MaxDelayMilliseconds, 2 << Math.Clamp(attempt, 1, 7));
        return Task.Delay(Random.Shared.Next(1, cap + 1), cancellationToken);
    }
}
