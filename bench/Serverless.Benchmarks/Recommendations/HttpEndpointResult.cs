namespace Serverless.Benchmarks.Recommendations;

/// <summary>One endpoint in one run: latency percentiles (ms) from the client, requests per second over the run, failures.</summary>
internal sealed record HttpEndpointResult(string Endpoint, LatencyResult Latency, double RequestsPerSecond, int Failures);
