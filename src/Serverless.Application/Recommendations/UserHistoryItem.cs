namespace Serverless.Application.Recommendations;

/// <summary>
/// One product of a user's recent history: its request-time weight, the action that weighed most (for the reason),
/// and what the user did with it (for the exclusion rules).
/// </summary>
public sealed record UserHistoryItem(
    string ProductId,
    double Weight,
    string StrongestAction,
    bool Seen,
    DateTimeOffset? LastPurchasedAt);
