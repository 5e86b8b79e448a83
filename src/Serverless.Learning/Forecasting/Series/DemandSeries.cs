using System.Collections.Immutable;

namespace Serverless.Learning.Forecasting.Series;

/// <summary>A dense demand series: units per period from <see cref="Start"/>, every period present (zero when nothing was demanded).</summary>
public sealed class DemandSeries
{
    public DemandSeries(string id, SeriesGranularity granularity, DateOnly start, ImmutableArray<double> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!Enum.IsDefined(granularity))
        {
            throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Unknown granularity.");
        }

        if (SeriesPeriods.PeriodStart(start, granularity) != start)
        {
            throw new ArgumentException($"{start:yyyy-MM-dd} is not the start of a {granularity.ToString().ToLowerInvariant()}.", nameof(start));
        }

        if (values.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A series needs at least one period.", nameof(values));
        }

        Id = id;
        Granularity = granularity;
        Start = start;
        Values = values;
    }

    public string Id { get; }

    public SeriesGranularity Granularity { get; }

    /// <summary>The start date of the first period.</summary>
    public DateOnly Start { get; }

    /// <summary>The start date of the last period.</summary>
    public DateOnly End => PeriodStart(Values.Length - 1);

    public ImmutableArray<double> Values { get; }

    public int Length => Values.Length;

    /// <summary>The start date of period <paramref name="index"/>; indices past the end give future periods.</summary>
    public DateOnly PeriodStart(int index) => SeriesPeriods.Add(Start, index, Granularity);
}
