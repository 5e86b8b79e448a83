using Serverless.Application.Training;
using Serverless.Domain.Models;
using Serverless.Learning.Recommenders;

namespace Serverless.Application.Recommendations;

/// <summary>
/// Builds a <see cref="PopularityIndex"/>: each interaction adds its weight halved per half-life of age (measured back
/// from <c>asOf</c>), with the popular half-life for "popular" lists and the trending half-life for "trending" ones.
/// </summary>
public static class PopularityIndexBuilder
{
    /// <summary>
    /// From the training snapshot: categories from the catalog when given, else from the events; weights of
    /// <paramref name="weighting"/> without its decay (the lists decay with their own half-lives), as of the latest interaction.
    /// </summary>
    public static PopularityIndex FromSnapshot(
        InteractionSnapshot snapshot,
        InteractionWeighting.Options weighting,
        IReadOnlyDictionary<string, string> catalogCategories,
        IReadOnlyDictionary<string, string> userSegments,
        RecommenderTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(weighting);
        ArgumentNullException.ThrowIfNull(catalogCategories);
        ArgumentNullException.ThrowIfNull(options);
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var interaction in snapshot.Interactions())
        {
            if (interaction.Category is { Length: > 0 } category)
            {
                categories[interaction.ProductId] = category;
            }
        }

        foreach (var (product, category) in catalogCategories)
        {
            categories[product] = category;
        }

        var undecayed = TrainingInteractions.From(snapshot, new InteractionWeighting(new InteractionWeighting.Options
        {
            ViewWeight = weighting.ViewWeight,
            AddToCartWeight = weighting.AddToCartWeight,
            PurchaseWeight = weighting.PurchaseWeight,
        }));
        return undecayed.Count == 0
            ? PopularityIndex.Empty
            : Build(undecayed, categories, userSegments, undecayed.Max(i => i.Timestamp), options.PopularityHalfLife, options.TrendingHalfLife, options.PopularListLength);
    }

    /// <param name="interactions">Weighted interactions without time decay (the builder applies its own).</param>
    /// <param name="itemCategories">Category per item (catalog first, then events); items without one are in no category list.</param>
    /// <param name="userSegments">RFM segment id per user; users without one are in no segment list.</param>
    public static PopularityIndex Build(
        IReadOnlyList<Interaction> interactions,
        IReadOnlyDictionary<string, string> itemCategories,
        IReadOnlyDictionary<string, string> userSegments,
        DateTimeOffset asOf,
        TimeSpan popularHalfLife,
        TimeSpan trendingHalfLife,
        int listLength)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(itemCategories);
        ArgumentNullException.ThrowIfNull(userSegments);
        ArgumentOutOfRangeException.ThrowIfLessThan(listLength, 1);
        if (popularHalfLife <= TimeSpan.Zero || trendingHalfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(popularHalfLife), "Half-lives must be positive.");
        }

        var popular = new Dictionary<string, double>(StringComparer.Ordinal);
        var trending = new Dictionary<string, double>(StringComparer.Ordinal);
        var popularBySegment = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var trendingBySegment = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var interaction in interactions)
        {
            var age = Math.Max(0, (asOf - interaction.Timestamp).Ticks);
            var longWeight = interaction.Weight * Math.Pow(0.5, age / (double)popularHalfLife.Ticks);
            var shortWeight = interaction.Weight * Math.Pow(0.5, age / (double)trendingHalfLife.Ticks);
            Add(popular, interaction.ItemId, longWeight);
            Add(trending, interaction.ItemId, shortWeight);
            if (userSegments.TryGetValue(interaction.UserId, out var segment))
            {
                Add(Bucket(popularBySegment, segment), interaction.ItemId, longWeight);
                Add(Bucket(trendingBySegment, segment), interaction.ItemId, shortWeight);
            }
        }

        var trendingByCategory = trending
            .Where(pair => itemCategories.ContainsKey(pair.Key))
            .GroupBy(pair => itemCategories[pair.Key], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => Top(group, listLength), StringComparer.Ordinal);
        var categories = popular.Keys
            .Where(itemCategories.ContainsKey)
            .ToDictionary(item => item, item => itemCategories[item], StringComparer.Ordinal);
        return new PopularityIndex
        {
            AsOf = asOf,
            Popular = Top(popular, listLength),
            Trending = Top(trending, listLength),
            PopularBySegment = popularBySegment.ToDictionary(pair => pair.Key, pair => Top(pair.Value, listLength), StringComparer.Ordinal),
            TrendingBySegment = trendingBySegment.ToDictionary(pair => pair.Key, pair => Top(pair.Value, listLength), StringComparer.Ordinal),
            TrendingByCategory = trendingByCategory,
            ItemCategories = categories,
        };
    }

    private static void Add(Dictionary<string, double> scores, string item, double weight) =>
        scores[item] = scores.GetValueOrDefault(item) + weight;

    private static Dictionary<string, double> Bucket(Dictionary<string, Dictionary<string, double>> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Dictionary<string, double>(StringComparer.Ordinal);
            buckets[key] = bucket;
        }

        return bucket;
    }

    // Ties break by item id, so the same data always gives the same lists.
    private static IReadOnlyList<RankedItem> Top(IEnumerable<KeyValuePair<string, double>> scores, int length) =>
        scores
            .Where(pair => pair.Value > 0)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(length)
            .Select(pair => new RankedItem(pair.Key, pair.Value))
            .ToList();
}
