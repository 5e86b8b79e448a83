using System.Collections.Immutable;

namespace Serverless.Learning.Forecasting.Series;

/// <summary>
/// Turns demand observations (purchase lines, CSV rows) into dense series per id: units summed per period, periods
/// without observations filled with zeros. Every series ends at the same period (<see cref="Options.End"/>, by default
/// the latest observation's), so their forecasts cover the same dates and can be added up; each starts at its own
/// first observation, or at the earliest one of all with <see cref="SeriesStart.Common"/>.
/// </summary>
public sealed class DemandSeriesBuilder
{
    private readonly Options _options;

    public DemandSeriesBuilder(Options? options = null)
    {
        _options = options ?? new Options();
        if (!Enum.IsDefined(_options.Granularity))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Granularity, $"Unknown {nameof(Options.Granularity)}.");
        }

        if (!Enum.IsDefined(_options.Start))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Start, $"Unknown {nameof(Options.Start)}.");
        }
    }

    /// <summary>
    /// Builds one series per id, ordered by id (ordinal). Observations after <see cref="Options.End"/> are ignored.
    /// Throws <see cref="ArgumentException"/> for an empty id or a negative or non-finite quantity.
    /// </summary>
    public IReadOnlyList<DemandSeries> Build(IEnumerable<DemandObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var granularity = _options.Granularity;
        var totals = new Dictionary<string, Dictionary<DateOnly, double>>(StringComparer.Ordinal);
        DateOnly? latest = null;
        foreach (var observation in observations)
        {
            if (string.IsNullOrWhiteSpace(observation.SeriesId))
            {
                throw new ArgumentException("An observation has an empty series id.", nameof(observations));
            }

            if (!double.IsFinite(observation.Quantity) || observation.Quantity < 0)
            {
                throw new ArgumentException(
                    $"Series {observation.SeriesId} on {observation.Date:yyyy-MM-dd}: quantity {observation.Quantity} is not a non-negative number.",
                    nameof(observations));
            }

            var period = SeriesPeriods.PeriodStart(observation.Date, granularity);
            if (_options.End is { } end && period > SeriesPeriods.PeriodStart(end, granularity))
            {
                continue;
            }

            if (!totals.TryGetValue(observation.SeriesId, out var perPeriod))
            {
                perPeriod = [];
                totals[observation.SeriesId] = perPeriod;
            }

            perPeriod[period] = perPeriod.GetValueOrDefault(period) + observation.Quantity;
            latest = latest is null || period > latest ? period : latest;
        }

        if (latest is null)
        {
            return [];
        }

        var last = _options.End is { } fixedEnd ? SeriesPeriods.PeriodStart(fixedEnd, granularity) : latest.Value;
        var commonStart = totals.Values.SelectMany(periods => periods.Keys).Min();
        var result = new List<DemandSeries>(totals.Count);
        foreach (var (id, perPeriod) in totals.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var start = _options.Start == SeriesStart.Common ? commonStart : perPeriod.Keys.Min();
            var values = new double[SeriesPeriods.Between(start, last, granularity) + 1];
            foreach (var (period, quantity) in perPeriod)
            {
                values[SeriesPeriods.Between(start, period, granularity)] += quantity;
            }

            result.Add(new DemandSeries(id, granularity, start, ImmutableArray.Create(values)));
        }

        return result;
    }

    /// <summary>
    /// The series of a group (a category, the total): the period-by-period sum of its members, over the union of their
    /// ranges (a member counts zero before it starts). Members must share the granularity.
    /// </summary>
    public static DemandSeries Sum(string id, IReadOnlyCollection<DemandSeries> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("A group needs at least one member.", nameof(members));
        }

        var granularity = members.First().Granularity;
        if (members.Any(member => member.Granularity != granularity))
        {
            throw new ArgumentException("Members of a group must share the granularity.", nameof(members));
        }

        var start = members.Min(member => member.Start);
        var end = members.Max(member => member.End);
        var values = new double[SeriesPeriods.Between(start, end, granularity) + 1];
        foreach (var member in members)
        {
            var offset = SeriesPeriods.Between(start, member.Start, granularity);
            for (var i = 0; i < member.Length; i++)
            {
                values[offset + i] += member.Values[i];
            }
        }

        return new DemandSeries(id, granularity, start, ImmutableArray.Create(values));
    }

    /// <summary>Options of <see cref="DemandSeriesBuilder"/>.</summary>
    public sealed class Options
    {
        public SeriesGranularity Granularity { get; init; } = SeriesGranularity.Day;

        /// <summary>The last period (any date within it); null takes the latest observation's period.</summary>
        public DateOnly? End { get; init; }

        public SeriesStart Start { get; init; } = SeriesStart.FirstObservation;
    }
}
