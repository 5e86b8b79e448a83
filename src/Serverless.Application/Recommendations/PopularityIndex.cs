using System.Text.Json;
using Serverless.Domain.Json;

namespace Serverless.Application.Recommendations;

/// <summary>
/// The non-personalized lists published beside each recommender version (<c>popularity.json</c>): popular (long
/// half-life) and trending (short half-life) items, overall, per RFM segment and per category, plus the category of each
/// item seen in the data (for reasons and filters when the catalog has none). Used for cold start, to fill a short
/// personalized list, and by the trending endpoint. Lists are best first.
/// </summary>
public sealed record PopularityIndex
{
    public DateTimeOffset? AsOf { get; init; }

    public IReadOnlyList<RankedItem> Popular { get; init; } = [];

    public IReadOnlyList<RankedItem> Trending { get; init; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<RankedItem>> PopularBySegment { get; init; } = new Dictionary<string, IReadOnlyList<RankedItem>>();

    public IReadOnlyDictionary<string, IReadOnlyList<RankedItem>> TrendingBySegment { get; init; } = new Dictionary<string, IReadOnlyList<RankedItem>>();

    public IReadOnlyDictionary<string, IReadOnlyList<RankedItem>> TrendingByCategory { get; init; } = new Dictionary<string, IReadOnlyList<RankedItem>>();

    /// <summary>Item id to category, as the catalog (or else the events) named it when the index was built.</summary>
    public IReadOnlyDictionary<string, string> ItemCategories { get; init; } = new Dictionary<string, string>();

    public static PopularityIndex Empty { get; } = new();

    public static byte[] Serialize(PopularityIndex index) => JsonSerializer.SerializeToUtf8Bytes(index, DomainJson.Options);

    public static PopularityIndex Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<PopularityIndex>(json, DomainJson.Options) ?? throw new InvalidDataException("popularity.json is empty.");

    /// <summary>The items of <paramref name="category"/> in the trending list (case-insensitive), or an empty list.</summary>
    public IReadOnlyList<RankedItem> TrendingIn(string category) =>
        TrendingByCategory.TryGetValue(category, out var list)
            ? list
            : TrendingByCategory.FirstOrDefault(pair => string.Equals(pair.Key, category, StringComparison.OrdinalIgnoreCase)).Value ?? [];
}
