using Serverless.Domain.Forecasts;

namespace Serverless.Application.Forecasts;

/// <summary>
/// One message of the <c>forecast-requests</c> queue: refit and precompute one series at one granularity. A category
/// (<see cref="Kind"/> category, the default) is every product of it that sold in the window plus the category's
/// bottom-up sum; the total (<see cref="Kind"/> total, no <see cref="Category"/>) is the bottom-up sum of every product,
/// whose own documents the category messages write. The products are not listed: the worker reads them from the same
/// demand history, which keeps the message small for any category.
/// </summary>
public sealed record ForecastRequestMessage
{
    /// <summary>Category (the default, as in messages sent before totals existed) or total; never product.</summary>
    public ForecastSeriesKind Kind { get; init; } = ForecastSeriesKind.Category;

    /// <summary>The category to refit; required for a category, absent for the total.</summary>
    public string? Category { get; init; }

    public required ForecastGranularity Granularity { get; init; }

    /// <summary>The last day of history the refresh saw (informational: the worker uses its own, at most as old).</summary>
    public required DateOnly HistoryEnd { get; init; }

    /// <summary>When the refresh run that sent it started.</summary>
    public required DateTimeOffset RequestedAt { get; init; }
}
