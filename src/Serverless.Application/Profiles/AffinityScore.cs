namespace Serverless.Application.Profiles;

/// <summary>A category or brand with the user's current (decayed, floored at 0) affinity for it.</summary>
public sealed record AffinityScore(string Name, double Score);
