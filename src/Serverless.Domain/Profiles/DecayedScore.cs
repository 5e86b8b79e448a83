namespace Serverless.Domain.Profiles;

/// <summary>
/// An exponentially time-decayed sum, stored as its value at <see cref="At"/>. Adding an event before or after
/// <see cref="At"/> gives the same result in any order, which keeps out-of-order delivery exact.
/// </summary>
public sealed record DecayedScore(double Score, DateTimeOffset At);
