namespace Serverless.Domain.Profiles;

/// <summary>
/// An exponentially time-decayed sum, stored as its value at <see cref="At"/>. Adding an event before or after
/// <see cref="At"/> gives the same result in any order, which keeps out-of-order delivery exact.
/// </summary>
/// <remarks>
/// The stored <see cref="Score"/> is the raw sum and may be negative (negative weights such as remove_from_cart);
/// <see cref="ValueAt"/> floors it at 0. Flooring on read rather than on write keeps the sum independent of arrival order.
/// </remarks>
public sealed record DecayedScore(double Score, DateTimeOffset At)
{
    /// <summary>
    /// The score with <paramref name="weight"/> added at time <paramref name="at"/>: a later event first decays the
    /// score to its time, then adds; an earlier one adds its weight decayed to <see cref="At"/>.
    /// </summary>
    public DecayedScore Add(double weight, DateTimeOffset at, TimeSpan halfLife) => at > At
        ? new DecayedScore((Score * DecayFactor(at - At, halfLife)) + weight, at)
        : new DecayedScore(Score + (weight * DecayFactor(At - at, halfLife)), At);

    /// <summary>The decayed value at <paramref name="asOf"/>, floored at 0 (no growth for a time before <see cref="At"/>).</summary>
    public double ValueAt(DateTimeOffset asOf, TimeSpan halfLife)
    {
        var value = asOf > At ? Score * DecayFactor(asOf - At, halfLife) : Score;
        return Math.Max(0, value);
    }

    /// <summary>2^(-elapsed / halfLife): 1 now, 0.5 after one half-life.</summary>
    public static double DecayFactor(TimeSpan elapsed, TimeSpan halfLife)
    {
        if (halfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "The half-life must be positive.");
        }

        return Math.Pow(2, -(elapsed / halfLife));
    }
}
