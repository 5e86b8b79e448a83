namespace Serverless.Benchmarks.Recommendations;

/// <summary>Options of <c>recs http</c>.</summary>
internal sealed record HttpServingOptions
{
    /// <summary>Online Retail customers replayed into the archive and given profiles (the request users).</summary>
    public int Customers { get; init; } = 1000;

    /// <summary>Requests per endpoint per run, after the warm-up.</summary>
    public int Requests { get; init; } = 2000;

    /// <summary>Requests in flight at once (a closed loop: each client sends its next request when the last one answers).</summary>
    public int Concurrency { get; init; } = 8;

    public int Runs { get; init; } = 3;

    /// <summary>The recommender trained for the run (Recommendations:Training:Trainer).</summary>
    public string Trainer { get; init; } = "ItemKnn";

    public int Seed { get; init; } = 42;
}
