namespace Serverless.Benchmarks.Forecasts;

/// <summary>Options of <c>forecast http</c>.</summary>
internal sealed record ForecastHttpOptions
{
    /// <summary>Online Retail customers replayed into the archive and given profiles.</summary>
    public int Customers { get; init; } = 1000;

    /// <summary>Requests per endpoint per run, after the warm-up (cold on-demand fits: see <see cref="ColdRequests"/>).</summary>
    public int Requests { get; init; } = 2000;

    /// <summary>Products forecast for the first time per run (no cached model): each request fits one series.</summary>
    public int ColdRequests { get; init; } = 200;

    /// <summary>Best-selling products put in one category and precomputed through the queue worker.</summary>
    public int Precomputed { get; init; } = 40;

    public int Concurrency { get; init; } = 8;

    public int Runs { get; init; } = 3;

    public int Seed { get; init; } = 42;
}
