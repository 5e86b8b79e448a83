namespace Serverless.Application.Recommendations;

/// <summary>Serving rules and reload intervals (configuration section <c>Recommendations</c>).</summary>
public sealed class RecommendationOptions
{
    public const string SectionName = "Recommendations";

    /// <summary>Items answered when <c>count</c> is absent.</summary>
    public int DefaultCount { get; set; } = 10;

    /// <summary>The largest <c>count</c> accepted.</summary>
    public int MaxCount { get; set; } = 100;

    /// <summary>At most this many items of one category in a list (0: no cap). Items without a category are not capped.</summary>
    public int MaxPerCategory { get; set; } = 3;

    /// <summary>Items bought within this many days are not recommended; older purchases may be again (0: never exclude purchases).</summary>
    public int RepurchaseWindowDays { get; set; } = 30;

    /// <summary>Exclude items the user recently viewed, clicked, reviewed or had in the cart (purchases follow the repurchase window).</summary>
    public bool ExcludeSeenItems { get; set; } = true;

    public ItemsNotInCatalog ItemsNotInCatalog { get; set; } = ItemsNotInCatalog.ExcludeUnlessCatalogEmpty;

    /// <summary>How often serving checks <c>current.json</c>'s ETag for a new version (0: on every request).</summary>
    public double ModelPollSeconds { get; set; } = 30;

    /// <summary>How often the in-memory catalog (stock, titles, categories) is read again (0: on every request).</summary>
    public double CatalogRefreshSeconds { get; set; } = 300;

    /// <summary>Half-life of a history event's weight at request time, so the latest clicks lead.</summary>
    public double HistoryHalfLifeHours { get; set; } = 72;

    /// <summary>Context <c>cart</c>: items in the cart weigh this many times more.</summary>
    public double CartBoost { get; set; } = 3;

    /// <summary>Affinity categories used for cold start (the profile's strongest).</summary>
    public int AffinityCategories { get; set; } = 3;

    public TimeSpan ModelPollInterval => TimeSpan.FromSeconds(ModelPollSeconds);

    public TimeSpan CatalogRefreshInterval => TimeSpan.FromSeconds(CatalogRefreshSeconds);

    public TimeSpan RepurchaseWindow => TimeSpan.FromDays(RepurchaseWindowDays);

    public TimeSpan HistoryHalfLife => TimeSpan.FromHours(HistoryHalfLifeHours);
}
