namespace Serverless.Benchmarks.Recommendations;

/// <summary>Shape of the scoring benchmark: catalog size, factors, neighbours, history length, calls.</summary>
internal sealed record ScoringBenchmarkOptions
{
    public int Items { get; init; } = 50_000;

    public int Factors { get; init; } = 64;

    public int Neighbors { get; init; } = 100;

    public int HistoryLength { get; init; } = 20;

    public int Count { get; init; } = 10;

    public int Warmup { get; init; } = 200;

    public int Calls { get; init; } = 2_000;
}
