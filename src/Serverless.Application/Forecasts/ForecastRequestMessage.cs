using Serverless.Domain.Forecasts;

namespace Serverless.Application.Forecasts;

/// <summary>
/// One message of the <c>forecast-requests</c> queue: refit and precompute one category at one granularity, that is
/// every product of the category that sold in the window plus the category's bottom-up sum. The products are not
/// listed: the worker reads them from the same demand history, which keeps the message small for any category.
/// </summary>
public sealed record ForecastRequestMessage
{
    public required string Category { get; init; }

    public required ForecastGranularity Granularity { get; init; }

    /// <summary>The last day of history the refresh saw (informational: the worker uses its own, at most as old).</summary>
    public required DateOnly HistoryEnd { get; init; }

    /// <summary>When the refresh run that sent it started.</summary>
    public required DateTimeOffset RequestedAt { get; init; }
}
