using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;
using Serverless.Learning.Recommenders;

namespace Serverless.Application.Recommendations;

/// <summary>
/// Builds the lists of the three serving endpoints from the served model, the catalog and the user's profile. Pure:
/// no IO, time is a parameter.
/// </summary>
/// <remarks>
/// A user's list: the model folds in the recent history (and the page's product or the cart, by context) and ranks
/// the eligible products; what it cannot fill (a new user, items it does not know, filters that remove most) is
/// filled by popularity, in this order: the page product's category (context product), the user's segment within
/// their affinity categories, trending in each affinity category, the segment overall, everyone, and last the
/// catalog's newest products (before any popularity exists). Eligible: in
/// stock in the catalog (or absent from it, as <see cref="ItemsNotInCatalog"/> says), not in the cart, not
/// bought within the repurchase window, not recently seen (when <c>ExcludeSeenItems</c>), in the requested category,
/// and at most <c>MaxPerCategory</c> per category.
/// </remarks>
public sealed class RecommendationEngine(RecommendationOptions options, InteractionWeighting weighting, TimeSpan affinityHalfLife)
{
    public IReadOnlyList<RecommendedItem> ForUser(
        ServingModel serving,
        CatalogView catalog,
        UserProfile? profile,
        RecommendationContext context,
        string? anchorProductId,
        string? category,
        int count,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(catalog);
        var history = UserHistory.From(profile, weighting, options.HistoryHalfLife, now);
        var excluded = new HashSet<string>(history.Cart, StringComparer.Ordinal);
        foreach (var item in history.Items)
        {
            if ((options.ExcludeSeenItems && item.Seen)
                || (options.RepurchaseWindowDays > 0 && item.LastPurchasedAt is { } bought && now - bought <= options.RepurchaseWindow))
            {
                excluded.Add(item.ProductId);
            }
        }

        if (anchorProductId is not null)
        {
            excluded.Add(anchorProductId);
        }

        string? CategoryOf(string product) => Category(serving, catalog, product);
        bool IsEligible(string product) =>
            !excluded.Contains(product) && catalog.IsServable(product, options.ItemsNotInCatalog) && InCategory(CategoryOf(product), category);
        var list = new RecommendationList(count, options.MaxPerCategory, IsEligible, CategoryOf, product => catalog.Find(product)?.Title);

        var seeds = Seeds(history, context, anchorProductId, now);
        if (serving.Model is { IsPersonalized: true } model && seeds.Count > 0)
        {
            foreach (var size in CandidateSizes(model, count))
            {
                var scored = model.Recommend(seeds, size, product => !IsEligible(product));
                foreach (var item in scored)
                {
                    var (reason, because) = ReasonFor(item.BecauseOfItemId, history, context, anchorProductId);
                    list.TryAdd(item.ItemId, item.Score, itemCategory => Describe(reason, because, itemCategory, Title(catalog, because)));
                }

                if (list.IsFull || scored.Count < size)
                {
                    break;
                }
            }
        }

        FillForUser(list, serving, catalog, profile, anchorProductId, category, now);
        return list.Items;
    }

    /// <summary>Products like <paramref name="productId"/> (never itself), then trending in its category, then popular.</summary>
    public IReadOnlyList<RecommendedItem> SimilarTo(ServingModel serving, CatalogView catalog, string productId, int count)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(catalog);
        string? CategoryOf(string product) => Category(serving, catalog, product);
        bool IsEligible(string product) => product != productId && catalog.IsServable(product, options.ItemsNotInCatalog);

        // Similar items naturally share a category, so the diversity cap does not apply here.
        var list = new RecommendationList(count, 0, IsEligible, CategoryOf, product => catalog.Find(product)?.Title);
        if (serving.Model is { IsPersonalized: true } model)
        {
            var title = Title(catalog, productId);
            foreach (var item in model.Similar(productId, Math.Min(model.Items.Count, count), product => !IsEligible(product)))
            {
                list.TryAdd(item.ItemId, item.Score, itemCategory => Describe(RecommendationReason.SimilarToProduct, productId, itemCategory, title));
            }
        }

        if (CategoryOf(productId) is { } own)
        {
            list.AddFrom(serving.Popularity.TrendingIn(own), (_, c) => Describe(RecommendationReason.TrendingInCategory, null, c, own));
        }

        list.AddFrom(serving.Popularity.Popular, (_, c) => Describe(RecommendationReason.PopularNow, null, c, null));
        AddNewest(list, catalog);
        return list.Items;
    }

    /// <summary>Trending products, overall or among a segment's members, optionally in one category.</summary>
    public IReadOnlyList<RecommendedItem> Trending(ServingModel serving, CatalogView catalog, string? segmentId, string? category, int count)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(catalog);
        string? CategoryOf(string product) => Category(serving, catalog, product);
        bool IsEligible(string product) => catalog.IsServable(product, options.ItemsNotInCatalog) && InCategory(CategoryOf(product), category);
        var list = new RecommendationList(count, 0, IsEligible, CategoryOf, product => catalog.Find(product)?.Title);
        var popularity = serving.Popularity;
        IEnumerable<RankedItem> source = segmentId is not null
            ? popularity.TrendingBySegment.GetValueOrDefault(segmentId) ?? []
            : category is not null ? popularity.TrendingIn(category) : popularity.Trending;
        var segmentName = segmentId is null ? null : RfmSegments.Find(segmentId)?.Name ?? segmentId;
        list.AddFrom(source, (_, itemCategory) => itemCategory is not null
            ? Describe(RecommendationReason.TrendingInCategory, null, itemCategory, itemCategory)
            : segmentName is not null
                ? Describe(RecommendationReason.TrendingInSegment, null, itemCategory, segmentName)
                : Describe(RecommendationReason.TrendingNow, null, itemCategory, null));
        return list.Items;
    }

    private void FillForUser(
        RecommendationList list, ServingModel serving, CatalogView catalog, UserProfile? profile, string? anchorProductId, string? category, DateTimeOffset now)
    {
        var popularity = serving.Popularity;
        static RecommendedItem Popular(RecommendationReason reason, string? itemCategory, string? subject) => Describe(reason, null, itemCategory, subject);

        if (category is not null)
        {
            list.AddFrom(popularity.TrendingIn(category), (_, c) => Popular(RecommendationReason.TrendingInCategory, c, category));
        }

        if (anchorProductId is not null && Category(serving, catalog, anchorProductId) is { } anchorCategory)
        {
            list.AddFrom(popularity.TrendingIn(anchorCategory), (_, c) => Popular(RecommendationReason.TrendingInCategory, c, anchorCategory));
        }

        var affinities = profile is null || options.AffinityCategories == 0
            ? []
            : profile.CategoryAffinity
                .Select(pair => (Category: pair.Key, Score: pair.Value.ValueAt(now, affinityHalfLife)))
                .Where(pair => pair.Score > 0)
                .OrderByDescending(pair => pair.Score)
                .ThenBy(pair => pair.Category, StringComparer.Ordinal)
                .Take(options.AffinityCategories)
                .Select(pair => pair.Category)
                .ToList();
        var segmentList = profile?.SegmentId is { } segment ? popularity.PopularBySegment.GetValueOrDefault(segment) : null;
        if (segmentList is not null && affinities.Count > 0)
        {
            var liked = new HashSet<string>(affinities, StringComparer.OrdinalIgnoreCase);
            list.AddFrom(
                segmentList.Where(item => Category(serving, catalog, item.ItemId) is { } c && liked.Contains(c)),
                (_, c) => Popular(RecommendationReason.PopularInYourSegment, c, null));
        }

        foreach (var affinity in affinities)
        {
            list.AddFrom(popularity.TrendingIn(affinity), (_, c) => Popular(RecommendationReason.TrendingInCategory, c, affinity));
        }

        if (segmentList is not null)
        {
            list.AddFrom(segmentList, (_, c) => Popular(RecommendationReason.PopularInYourSegment, c, null));
        }

        list.AddFrom(popularity.Popular, (_, c) => Popular(RecommendationReason.PopularNow, c, null));
        AddNewest(list, catalog);
    }

    /// <summary>The last resort: in-stock products, most recently updated first, with no score.</summary>
    private static void AddNewest(RecommendationList list, CatalogView catalog)
    {
        foreach (var product in catalog.Newest)
        {
            if (list.IsFull)
            {
                return;
            }

            list.TryAdd(product, 0, c => Describe(RecommendationReason.NewInCatalog, null, c, null));
        }
    }

    /// <summary>The history the model folds in: as weighed, with the context's emphasis.</summary>
    private List<WeightedItem> Seeds(UserHistory history, RecommendationContext context, string? anchorProductId, DateTimeOffset now)
    {
        var seeds = history.Items
            .Where(item => item.Weight > 0)
            .Select(item => new WeightedItem(
                item.ProductId,
                context == RecommendationContext.Cart && history.Cart.Contains(item.ProductId) ? item.Weight * options.CartBoost : item.Weight))
            .ToList();
        if (context == RecommendationContext.Product && anchorProductId is not null)
        {
            // The page's product weighs as much as everything else together (and at least as much as a purchase).
            var anchorWeight = Math.Max(seeds.Sum(seed => seed.Weight), weighting.Weigh(InteractionKind.Purchase, 1, now, now));
            seeds.Add(new WeightedItem(anchorProductId, anchorWeight));
        }

        return seeds;
    }

    private static (RecommendationReason Reason, string? Because) ReasonFor(
        string? because, UserHistory history, RecommendationContext context, string? anchorProductId)
    {
        if (because is null)
        {
            return (RecommendationReason.RecommendedForYou, null);
        }

        if (because == anchorProductId)
        {
            return (RecommendationReason.SimilarToProduct, because);
        }

        if (context == RecommendationContext.Cart && history.Cart.Contains(because))
        {
            return (RecommendationReason.GoesWithYourCart, because);
        }

        return (history.Find(because)?.StrongestAction switch
        {
            UserHistory.PurchaseAction => RecommendationReason.BecauseYouBought,
            UserHistory.AddToCartAction => RecommendationReason.BecauseYouAddedToCart,
            UserHistory.ReviewAction => RecommendationReason.BecauseYouReviewed,
            _ => RecommendationReason.BecauseYouViewed,
        }, because);
    }

    private static RecommendedItem Describe(RecommendationReason reason, string? because, string? category, string? subject) => new()
    {
        ProductId = string.Empty,
        Score = 0,
        Title = null,
        Category = category,
        Reason = ReasonText.For(reason, subject),
        ReasonCode = reason,
        BecauseOf = because,
    };

    private static string? Category(ServingModel serving, CatalogView catalog, string productId) =>
        catalog.Find(productId)?.Category is { Length: > 0 } category ? category : serving.Popularity.ItemCategories.GetValueOrDefault(productId);

    private static string? Title(CatalogView catalog, string? productId) =>
        productId is null ? null : catalog.Find(productId)?.Title is { Length: > 0 } title ? title : productId;

    private static bool InCategory(string? itemCategory, string? wanted) =>
        wanted is null || string.Equals(itemCategory, wanted, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// How many ranked items to ask the model for: exclusions are applied inside the model, so only the category cap
    /// can thin the list; ask for a little more than needed first (explaining each result has a cost), and for many
    /// more only when the cap left the list short.
    /// </summary>
    private IEnumerable<int> CandidateSizes(RecommenderModel model, int count)
    {
        var first = Math.Min(model.Items.Count, options.MaxPerCategory == 0 ? count : (count * 2) + 10);
        yield return first;
        var second = Math.Min(model.Items.Count, (count * 10) + 50);
        if (second > first)
        {
            yield return second;
        }
    }
}
