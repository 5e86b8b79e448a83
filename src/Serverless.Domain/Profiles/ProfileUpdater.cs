using Serverless.Domain.Events;

namespace Serverless.Domain.Profiles;

/// <summary>
/// Folds one behaviour event into a profile. Every change is commutative (min/max, sums, keyed ledgers, top-k by a
/// total order, deltas with timestamps), so events applied in any order give the same profile; aggregates are
/// recomputed from the ledgers, never incremented. The only order-dependent field is <see cref="UserProfile.AppliedEventIds"/>,
/// the idempotency ring of recent deliveries (the same set whatever the order while it holds every id).
/// </summary>
public static class ProfileUpdater
{
    /// <summary>Applies <paramref name="e"/>; false (and no change) when the event id was already applied.</summary>
    public static bool Apply(UserProfile profile, BehaviorEvent e, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(profile.UserId, e.UserId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Event {e.EventId} belongs to another user.", nameof(e));
        }

        if (profile.AppliedEventIds.Contains(e.EventId, StringComparer.Ordinal))
        {
            return false;
        }

        RememberApplied(profile, e.EventId);
        profile.FirstSeen = profile.FirstSeen is { } first && first <= e.OccurredAt ? first : e.OccurredAt;
        profile.LastSeen = profile.LastSeen is { } last && last >= e.OccurredAt ? last : e.OccurredAt;
        var typeName = e.Type.WireName();
        profile.EventCounts[typeName] = profile.EventCounts.GetValueOrDefault(typeName) + 1;
        var halfLife = options.AffinityHalfLife;

        switch (e.Type)
        {
            case BehaviorEventType.View:
            case BehaviorEventType.Click:
                AddRecentItem(profile, e.ProductId!, typeName, e.OccurredAt, e.EventId);
                AddAffinities(profile, e.Category, e.Brand, options.WeightOf(e.Type), e.OccurredAt, halfLife);
                break;
            case BehaviorEventType.AddToCart:
            case BehaviorEventType.RemoveFromCart:
                var units = e.Quantity ?? 1;
                AddCartDelta(profile, e.ProductId!, e.Type == BehaviorEventType.AddToCart ? units : -units, e.OccurredAt, e.EventId);
                AddRecentItem(profile, e.ProductId!, typeName, e.OccurredAt, e.EventId);
                AddAffinities(profile, e.Category, e.Brand, options.WeightOf(e.Type), e.OccurredAt, halfLife);
                break;
            case BehaviorEventType.Search:
                AddSearch(profile, e.Query!.Trim(), e.OccurredAt, e.EventId);
                break;
            case BehaviorEventType.Purchase:
                var firstCopy = RecordPurchase(profile, e);
                foreach (var line in e.Lines ?? [])
                {
                    ClearCart(profile, line.ProductId, e.OccurredAt);

                    // A purchase resent under a new event id counts once; its interest signals come from the first copy seen.
                    if (firstCopy)
                    {
                        AddRecentItem(profile, line.ProductId, typeName, e.OccurredAt, e.EventId);
                        AddAffinities(profile, line.Category ?? e.Category, line.Brand ?? e.Brand, options.WeightOf(e.Type), e.OccurredAt, halfLife);
                    }
                }

                RecomputePurchaseAggregates(profile);
                break;
            case BehaviorEventType.Refund:
                RecordRefund(profile, e);
                RecomputePurchaseAggregates(profile);
                break;
            case BehaviorEventType.Review:
                profile.ReviewCount++;
                profile.RatingSum += e.Rating ?? 0;
                profile.AverageRating = (double)profile.RatingSum / profile.ReviewCount;
                AddRecentItem(profile, e.ProductId!, typeName, e.OccurredAt, e.EventId);
                AddAffinities(profile, e.Category, e.Brand, options.WeightOf(e.Type, e.Rating), e.OccurredAt, halfLife);
                break;
            case BehaviorEventType.OrderStatus:
                // Order status lives in the orders container; the profile only counts the event.
                break;
        }

        return true;
    }

    private static void RememberApplied(UserProfile profile, string eventId)
    {
        profile.AppliedEventIds.Add(eventId);
        var excess = profile.AppliedEventIds.Count - UserProfile.AppliedEventLimit;
        if (excess > 0)
        {
            profile.AppliedEventIds.RemoveRange(0, excess);
        }
    }

    private static void AddRecentItem(UserProfile profile, string productId, string action, DateTimeOffset at, string eventId)
    {
        var items = profile.RecentItems;
        if (items.Exists(i => i.EventId == eventId && i.ProductId == productId))
        {
            return;
        }

        items.Add(new RecentItem(productId, action, at, eventId));
        items.Sort(CompareNewestFirst);
        if (items.Count > UserProfile.RecentItemLimit)
        {
            items.RemoveRange(UserProfile.RecentItemLimit, items.Count - UserProfile.RecentItemLimit);
        }
    }

    private static int CompareNewestFirst(RecentItem a, RecentItem b)
    {
        var byTime = b.At.CompareTo(a.At);
        if (byTime != 0)
        {
            return byTime;
        }

        var byEvent = string.CompareOrdinal(a.EventId, b.EventId);
        return byEvent != 0 ? byEvent : string.CompareOrdinal(a.ProductId, b.ProductId);
    }

    private static void AddSearch(UserProfile profile, string query, DateTimeOffset at, string eventId)
    {
        var history = profile.SearchHistory;
        if (history.Exists(s => s.EventId == eventId))
        {
            return;
        }

        history.Add(new RecentSearch(query, at, eventId));
        history.Sort((a, b) => b.At != a.At ? b.At.CompareTo(a.At) : string.CompareOrdinal(a.EventId, b.EventId));
        if (history.Count > UserProfile.RecentSearchLimit)
        {
            history.RemoveRange(UserProfile.RecentSearchLimit, history.Count - UserProfile.RecentSearchLimit);
        }

        profile.RecentSearches = history.Select(s => s.Query).Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddAffinities(UserProfile profile, string? category, string? brand, double weight, DateTimeOffset at, TimeSpan halfLife)
    {
        AddAffinity(profile.CategoryAffinity, category, weight, at, halfLife);
        AddAffinity(profile.BrandAffinity, brand, weight, at, halfLife);
    }

    private static void AddAffinity(Dictionary<string, DecayedScore> scores, string? key, double weight, DateTimeOffset at, TimeSpan halfLife)
    {
        // A zero weight changes no value; skipping it (rather than moving At) keeps the stored form order-independent.
        if (string.IsNullOrWhiteSpace(key) || weight == 0)
        {
            return;
        }

        key = key.Trim();
        scores[key] = scores.TryGetValue(key, out var score) ? score.Add(weight, at, halfLife) : new DecayedScore(weight, at);
    }

    private static CartLine CartLineOf(UserProfile profile, string productId)
    {
        if (!profile.Cart.TryGetValue(productId, out var line))
        {
            line = new CartLine();
            profile.Cart[productId] = line;
        }

        return line;
    }

    private static void AddCartDelta(UserProfile profile, string productId, int quantity, DateTimeOffset at, string eventId)
    {
        var line = CartLineOf(profile, productId);

        // A cart change from before the product was last bought was emptied by that purchase.
        if ((line.ClearedAt is { } cleared && at <= cleared) || line.Deltas.Exists(d => d.EventId == eventId))
        {
            return;
        }

        line.Deltas.Add(new CartDelta(quantity, at, eventId));
        line.Deltas.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.EventId, b.EventId));
    }

    private static void ClearCart(UserProfile profile, string productId, DateTimeOffset purchasedAt)
    {
        var line = CartLineOf(profile, productId);
        if (line.ClearedAt is { } cleared && cleared >= purchasedAt)
        {
            return;
        }

        line.ClearedAt = purchasedAt;
        line.Deltas.RemoveAll(d => d.At <= purchasedAt);
    }

    /// <summary>Records the purchase in the ledger; true when it is the first purchase event seen for its order.</summary>
    private static bool RecordPurchase(UserProfile profile, BehaviorEvent e)
    {
        var orderId = e.OrderId!;
        var amount = (e.Lines ?? []).Sum(l => l.Total);
        var index = profile.Purchases.FindIndex(p => p.OrderId == orderId);
        var incoming = new PurchaseRecord(orderId, e.OccurredAt, amount, 0m) { Currency = e.Currency };
        var firstCopy = true;
        if (index < 0)
        {
            profile.Purchases.Add(incoming);
        }
        else
        {
            var existing = profile.Purchases[index];
            firstCopy = !existing.Purchased;

            // Another purchase event for the same order: the earliest (then the larger) one wins, whatever arrives first.
            if (firstCopy || IsPreferredPurchase(incoming, existing))
            {
                profile.Purchases[index] = incoming with { Refunded = existing.Refunded };
            }
        }

        SortLedger(profile);
        return firstCopy;
    }

    private static bool IsPreferredPurchase(PurchaseRecord candidate, PurchaseRecord current)
    {
        if (candidate.At != current.At)
        {
            return candidate.At < current.At;
        }

        if (candidate.Amount != current.Amount)
        {
            return candidate.Amount > current.Amount;
        }

        return string.CompareOrdinal(candidate.Currency, current.Currency) < 0;
    }

    private static void RecordRefund(UserProfile profile, BehaviorEvent e)
    {
        var orderId = e.OrderId!;
        var amount = e.Amount ?? (e.Lines ?? []).Sum(l => l.Total);
        var index = profile.Purchases.FindIndex(p => p.OrderId == orderId);
        if (index < 0)
        {
            profile.Purchases.Add(new PurchaseRecord(orderId, e.OccurredAt, 0m, amount) { Purchased = false });
        }
        else
        {
            var existing = profile.Purchases[index];
            var at = !existing.Purchased && e.OccurredAt < existing.At ? e.OccurredAt : existing.At;
            profile.Purchases[index] = existing with { At = at, Refunded = existing.Refunded + amount };
        }

        SortLedger(profile);
    }

    private static void SortLedger(UserProfile profile) =>
        profile.Purchases.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.OrderId, b.OrderId));

    /// <summary>Order count, revenue, refunds, purchase dates and currency, recomputed from the ledger.</summary>
    /// <remarks>Refunds count up to the order's amount, so an over-refund never makes an order's net revenue negative.</remarks>
    public static void RecomputePurchaseAggregates(UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var orders = profile.Purchases.Where(p => p.Purchased).ToList();
        profile.OrderCount = orders.Count;
        profile.GrossRevenue = orders.Sum(p => p.Amount);
        profile.RefundedAmount = orders.Sum(p => Math.Min(p.Refunded, p.Amount));
        profile.NetRevenue = profile.GrossRevenue - profile.RefundedAmount;
        profile.AverageOrderValue = orders.Count == 0 ? 0m : Math.Round(profile.NetRevenue / orders.Count, 2, MidpointRounding.AwayFromZero);
        if (orders.Count == 0)
        {
            profile.FirstPurchaseAt = null;
            profile.LastPurchaseAt = null;
            profile.MeanDaysBetweenPurchases = null;
            profile.Currency = null;
            return;
        }

        // The ledger is sorted by (At, OrderId), so the first and last orders are the ends of the list.
        var first = orders[0];
        var last = orders[^1];
        profile.FirstPurchaseAt = first.At;
        profile.LastPurchaseAt = last.At;
        profile.MeanDaysBetweenPurchases = orders.Count < 2 ? null : (last.At - first.At).TotalDays / (orders.Count - 1);
        profile.Currency = last.Currency;
    }
}
