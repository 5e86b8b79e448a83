using Serverless.Learning.Forecasting.Series;

namespace Serverless.Application.Forecasts;

/// <summary>
/// Units purchased per product per day over the history window, with each product's category: the source every
/// product and category series is built from. <see cref="End"/> is the last complete day (yesterday, UTC).
/// </summary>
public sealed class DemandHistory
{
    private readonly Dictionary<string, List<DemandObservation>> _byProduct;
    private readonly Dictionary<string, List<string>> _byCategory;

    public DemandHistory(
        IEnumerable<DemandObservation> observations, IReadOnlyDictionary<string, string> categoryOf, DateOnly end, long purchasesRead = 0, int hoursRead = 0, int hoursReused = 0)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(categoryOf);
        End = end;
        PurchasesRead = purchasesRead;
        HoursRead = hoursRead;
        HoursReused = hoursReused;
        _byProduct = observations
            .Where(o => o.Date <= end)
            .GroupBy(o => o.SeriesId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        CategoryOf = _byProduct.Keys.ToDictionary(id => id, id => categoryOf[id], StringComparer.Ordinal);
        _byCategory = CategoryOf
            .GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The last day the series cover.</summary>
    public DateOnly End { get; }

    /// <summary>Purchase events read from the archive by this load (hours reused from the snapshot are not read).</summary>
    public long PurchasesRead { get; }

    /// <summary>Archive hours read by this load (new, or changed since the snapshot read them).</summary>
    public int HoursRead { get; }

    /// <summary>Archive hours taken from the demand snapshot unchanged.</summary>
    public int HoursReused { get; }

    /// <summary>The category of every product with sales in the window.</summary>
    public IReadOnlyDictionary<string, string> CategoryOf { get; }

    public IReadOnlyCollection<string> Products => _byProduct.Keys;

    public IReadOnlyCollection<string> Categories => _byCategory.Keys;

    public bool HasProduct(string productId) => _byProduct.ContainsKey(productId);

    public bool HasCategory(string category) => _byCategory.ContainsKey(category);

    /// <summary>The products of a category that sold in the window, ordered by id.</summary>
    public IReadOnlyList<string> ProductsIn(string category) => _byCategory.GetValueOrDefault(category) ?? [];

    public IReadOnlyList<DemandObservation> ObservationsOf(string productId) => _byProduct.GetValueOrDefault(productId) ?? [];

    /// <summary>
    /// The dense series of the products at the granularity, all ending at the period that holds <see cref="End"/>
    /// (for weeks: the last complete week), gaps filled with zeros; products that did not sell are left out.
    /// </summary>
    public IReadOnlyList<DemandSeries> Series(IEnumerable<string> productIds, SeriesGranularity granularity)
    {
        var builder = new DemandSeriesBuilder(new DemandSeriesBuilder.Options { Granularity = granularity, End = LastDay(granularity) });
        return builder.Build(productIds.SelectMany(ObservationsOf));
    }

    /// <summary>The last day of the last complete period: <see cref="End"/> for days, the Sunday of the last full week for weeks.</summary>
    public DateOnly LastDay(SeriesGranularity granularity) =>
        SeriesPeriods.PeriodStart(End.AddDays(1), granularity).AddDays(-1);
}
