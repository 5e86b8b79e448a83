using Serverless.Domain.Events;

namespace Serverless.Domain.Models;

/// <summary>
/// One user-product interaction of a kind within an hour: repeated events of the same user, product and kind in the
/// hour are summed into <paramref name="Amount"/> (units for carts and purchases, 1 per view or click, the rating for a
/// review) with the latest time in <paramref name="At"/>. Weights are applied at training time, so changing them needs no re-read.
/// </summary>
/// <param name="Category">The category the events named (the catalog is not consulted), or null.</param>
public sealed record SnapshotInteraction(
    string UserId,
    string ProductId,
    BehaviorEventType Kind,
    DateTimeOffset At,
    double Amount,
    int Count,
    string? Category);
