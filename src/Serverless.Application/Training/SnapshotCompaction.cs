using Serverless.Domain.Events;
using Serverless.Domain.Models;

namespace Serverless.Application.Training;

/// <summary>
/// Turns one archive hour's events into snapshot interactions: product events only (views, clicks, cart changes,
/// purchase lines, reviews), one entry per user, product and kind with the amounts summed and the latest time kept.
/// Searches, refunds and order status carry no product interest and are left out.
/// </summary>
public static class SnapshotCompaction
{
    public static IReadOnlyList<SnapshotInteraction> Compact(IEnumerable<BehaviorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var merged = new Dictionary<(string User, string Product, BehaviorEventType Kind), SnapshotInteraction>();
        foreach (var behaviorEvent in events)
        {
            foreach (var (product, amount, category) in ProductsOf(behaviorEvent))
            {
                var key = (behaviorEvent.UserId, product, behaviorEvent.Type);
                merged[key] = merged.TryGetValue(key, out var existing)
                    ? existing with
                    {
                        Amount = existing.Amount + amount,
                        Count = existing.Count + 1,
                        At = existing.At >= behaviorEvent.OccurredAt ? existing.At : behaviorEvent.OccurredAt,
                        Category = category ?? existing.Category,
                    }
                    : new SnapshotInteraction(behaviorEvent.UserId, product, behaviorEvent.Type, behaviorEvent.OccurredAt.ToUniversalTime(), amount, 1, category);
            }
        }

        // A stable order keeps the snapshot file identical for identical input.
        return merged.Values
            .OrderBy(i => i.UserId, StringComparer.Ordinal)
            .ThenBy(i => i.ProductId, StringComparer.Ordinal)
            .ThenBy(i => i.Kind)
            .ToList();
    }

    private static IEnumerable<(string Product, double Amount, string? Category)> ProductsOf(BehaviorEvent e)
    {
        switch (e.Type)
        {
            case BehaviorEventType.View:
            case BehaviorEventType.Click:
                if (e.ProductId is not null)
                {
                    yield return (e.ProductId, 1, e.Category);
                }

                break;
            case BehaviorEventType.AddToCart:
            case BehaviorEventType.RemoveFromCart:
                if (e.ProductId is not null)
                {
                    yield return (e.ProductId, Math.Max(1, e.Quantity ?? 1), e.Category);
                }

                break;
            case BehaviorEventType.Review:
                if (e.ProductId is not null)
                {
                    yield return (e.ProductId, e.Rating ?? 0, e.Category);
                }

                break;
            case BehaviorEventType.Purchase:
                foreach (var line in e.Lines ?? [])
                {
                    yield return (line.ProductId, Math.Max(0, line.Quantity), line.Category ?? e.Category);
                }

                break;
        }
    }
}
