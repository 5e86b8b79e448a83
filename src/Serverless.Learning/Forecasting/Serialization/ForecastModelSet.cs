using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Learning.Forecasting.Serialization;

/// <summary>
/// The fitted models of many series at one granularity (a nightly batch, say), each with the start date of the last
/// period its history covered, so forecasts can be dated; plus free-form parameters (options used, data window).
/// </summary>
public sealed class ForecastModelSet
{
    public ForecastModelSet(
        SeriesGranularity granularity, IEnumerable<ForecastModelSetEntry> entries, IReadOnlyDictionary<string, string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!Enum.IsDefined(granularity))
        {
            throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Unknown granularity.");
        }

        Granularity = granularity;
        Entries = entries.ToImmutableArray();
        var duplicate = Entries.GroupBy(entry => entry.SeriesId, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Series {duplicate.Key} appears more than once.", nameof(entries));
        }

        Parameters = (parameters ?? ImmutableDictionary<string, string>.Empty).ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    public SeriesGranularity Granularity { get; }

    public ImmutableArray<ForecastModelSetEntry> Entries { get; }

    public ImmutableSortedDictionary<string, string> Parameters { get; }

    /// <summary>The entry of a series, or null.</summary>
    public ForecastModelSetEntry? Find(string seriesId) =>
        Entries.FirstOrDefault(entry => string.Equals(entry.SeriesId, seriesId, StringComparison.Ordinal));
}
