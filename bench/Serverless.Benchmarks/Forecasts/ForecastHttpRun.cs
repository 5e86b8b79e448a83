using Serverless.Benchmarks.Recommendations;

namespace Serverless.Benchmarks.Forecasts;

/// <summary>Every run's results of <c>forecast http</c>, with the data the host served from.</summary>
internal sealed record ForecastHttpRun(
    ForecastHttpOptions Options, int Customers, int Products, int PurchaseEvents, double PrecomputeSeconds, IReadOnlyList<IReadOnlyList<HttpEndpointResult>> Runs);
