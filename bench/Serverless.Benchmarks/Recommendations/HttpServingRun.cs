namespace Serverless.Benchmarks.Recommendations;

/// <summary>Every run's results of <c>recs http</c>, with what the host served from.</summary>
internal sealed record HttpServingRun(
    HttpServingOptions Options, int Customers, int Products, long Interactions, IReadOnlyList<IReadOnlyList<HttpEndpointResult>> Runs);
