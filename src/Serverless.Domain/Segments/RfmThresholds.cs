namespace Serverless.Domain.Segments;

/// <summary>
/// Cut points that turn RFM values into 1-5 scores: four ascending values per dimension (population quintiles,
/// recomputed by a timer job). Recency is in days (fewer is better); frequency is orders; monetary is net revenue.
/// </summary>
public sealed record RfmThresholds
{
    public required IReadOnlyList<double> RecencyDays { get; init; }

    public required IReadOnlyList<double> Frequency { get; init; }

    public required IReadOnlyList<double> Monetary { get; init; }

    /// <summary>When they were computed; null for the built-in defaults.</summary>
    public DateTimeOffset? ComputedAt { get; init; }

    /// <summary>How many purchasing profiles they were computed from (0 for the defaults).</summary>
    public int Population { get; init; }

    /// <summary>Sensible cut points used before the first recompute.</summary>
    public static RfmThresholds Default { get; } = new()
    {
        RecencyDays = [30, 90, 180, 365],
        Frequency = [1, 2, 3, 5],
        Monetary = [50, 150, 400, 1000],
    };
}
