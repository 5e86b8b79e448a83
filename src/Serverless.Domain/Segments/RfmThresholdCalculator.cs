using Serverless.Domain.Profiles;

namespace Serverless.Domain.Segments;

/// <summary>
/// Population quintile cut points (20th, 40th, 60th and 80th percentiles) of recency, frequency and monetary value
/// over the profiles that have purchased.
/// </summary>
/// <remarks>
/// Percentiles use linear interpolation between closest ranks (Hyndman and Fan type 7, the default of numpy, R and
/// Excel's PERCENTILE.INC): for n sorted values and p in [0, 1], h = (n - 1) p and the percentile is
/// x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
/// Skewed data often ties quintiles (most customers have one order). Working from the lowest cut point up, a cut point
/// less than the previous one plus the dimension's resolution (recency 1 day, frequency 1 order, monetary 0.01) is
/// raised to exactly that, so the four cut points are strictly increasing and every score stays reachable.
/// </remarks>
public static class RfmThresholdCalculator
{
    public const int DefaultMinimumPopulation = 20;
    public const double RecencyResolutionDays = 1;
    public const double FrequencyResolution = 1;
    public const double MonetaryResolution = 0.01;

    public static IReadOnlyList<double> Percentiles { get; } = [0.2, 0.4, 0.6, 0.8];

    /// <summary>
    /// Thresholds from the purchasers among <paramref name="profiles"/> as of <paramref name="asOf"/>;
    /// <see cref="RfmThresholds.Default"/> when fewer than <paramref name="minimumPopulation"/> have purchased.
    /// </summary>
    public static RfmThresholds Compute(IEnumerable<UserProfile> profiles, DateTimeOffset asOf, int minimumPopulation = DefaultMinimumPopulation)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var recency = new List<double>();
        var frequency = new List<double>();
        var monetary = new List<double>();
        foreach (var profile in profiles)
        {
            if (Observe(profile, asOf) is { } observation)
            {
                recency.Add(observation.RecencyDays);
                frequency.Add(observation.Frequency);
                monetary.Add(observation.Monetary);
            }
        }

        return FromValues(recency, frequency, monetary, asOf, minimumPopulation);
    }

    /// <summary>The RFM values of a purchasing profile at <paramref name="asOf"/>; null when it never purchased.</summary>
    public static (double RecencyDays, double Frequency, double Monetary)? Observe(UserProfile profile, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.OrderCount > 0 && profile.LastPurchaseAt is { } lastPurchase
            ? (ProfileScorer.DaysBetween(lastPurchase, asOf), profile.OrderCount, (double)profile.NetRevenue)
            : null;
    }

    /// <summary>Thresholds from RFM values already collected (one entry per purchaser in each list), for streaming callers.</summary>
    public static RfmThresholds FromValues(
        IReadOnlyList<double> recencyDays,
        IReadOnlyList<double> frequency,
        IReadOnlyList<double> monetary,
        DateTimeOffset asOf,
        int minimumPopulation = DefaultMinimumPopulation)
    {
        ArgumentNullException.ThrowIfNull(recencyDays);
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(monetary);
        if (recencyDays.Count != frequency.Count || recencyDays.Count != monetary.Count)
        {
            throw new ArgumentException("The three lists must hold one value per purchaser.", nameof(frequency));
        }

        if (recencyDays.Count < Math.Max(1, minimumPopulation))
        {
            return RfmThresholds.Default;
        }

        return new RfmThresholds
        {
            RecencyDays = CutPoints(recencyDays, RecencyResolutionDays),
            Frequency = CutPoints(frequency, FrequencyResolution),
            Monetary = CutPoints(monetary, MonetaryResolution),
            ComputedAt = asOf,
            Population = recencyDays.Count,
        };
    }

    /// <summary>The four quintile cut points of <paramref name="values"/>, made strictly increasing by <paramref name="resolution"/>.</summary>
    public static IReadOnlyList<double> CutPoints(IEnumerable<double> values, double resolution)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(resolution > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution must be positive.");
        }

        var sorted = values.Order().ToArray();
        var cuts = Percentiles.Select(p => Percentile(sorted, p)).ToArray();
        for (var i = 1; i < cuts.Length; i++)
        {
            if (cuts[i] < cuts[i - 1] + resolution)
            {
                cuts[i] = cuts[i - 1] + resolution;
            }
        }

        return cuts;
    }

    /// <summary>The type 7 percentile of already sorted values (see the remarks).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("At least one value is needed.", nameof(sorted));
        }

        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The percentile must be between 0 and 1.");
        }

        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }
}
