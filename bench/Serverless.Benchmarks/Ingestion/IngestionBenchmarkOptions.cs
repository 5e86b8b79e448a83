namespace Serverless.Benchmarks.Ingestion;

internal sealed record IngestionBenchmarkOptions
{
    public int Runs { get; init; } = 3;

    public int Events { get; init; } = 2000;

    public int Users { get; init; } = 200;

    public int Seed { get; init; } = 20261124;

    /// <summary>Events per POST (the API's maximum is 500).</summary>
    public int BatchSize { get; init; } = 250;

    /// <summary>Parallel operations in the ceiling run: host.json's queue batch size.</summary>
    public int Concurrency { get; init; } = 16;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
}
