namespace Serverless.Application.Recommendations;

/// <summary>
/// Collects a list under the business rules: each product once, only eligible products, at most
/// <c>maxPerCategory</c> per category (0: no cap; products without a category are not capped), up to <c>count</c>;
/// each item gets its own title and category.
/// </summary>
public sealed class RecommendationList(
    int count, int maxPerCategory, Func<string, bool> isEligible, Func<string, string?> categoryOf, Func<string, string?> titleOf)
{
    private readonly List<RecommendedItem> _items = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perCategory = new(StringComparer.OrdinalIgnoreCase);

    public bool IsFull => _items.Count >= count;

    public IReadOnlyList<RecommendedItem> Items => _items;

    /// <summary>Adds the product unless the list is full, it is taken, not eligible, or its category is at the cap.</summary>
    public bool TryAdd(string productId, double score, Func<string?, RecommendedItem> describe)
    {
        if (IsFull || _taken.Contains(productId) || !isEligible(productId))
        {
            return false;
        }

        var category = categoryOf(productId);
        if (maxPerCategory > 0 && category is not null && _perCategory.GetValueOrDefault(category) >= maxPerCategory)
        {
            return false;
        }

        _taken.Add(productId);
        if (category is not null)
        {
            _perCategory[category] = _perCategory.GetValueOrDefault(category) + 1;
        }

        _items.Add(describe(category) with { ProductId = productId, Title = titleOf(productId), Score = Math.Round(score, 6) });
        return true;
    }

    /// <summary>Adds from a ranked list, best first, until full.</summary>
    public void AddFrom(IEnumerable<RankedItem> ranked, Func<RankedItem, string?, RecommendedItem> describe)
    {
        foreach (var item in ranked)
        {
            if (IsFull)
            {
                return;
            }

            TryAdd(item.ItemId, item.Score, category => describe(item, category));
        }
    }
}
