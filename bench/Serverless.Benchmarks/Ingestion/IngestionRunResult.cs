namespace Serverless.Benchmarks.Ingestion;

/// <summary>One measured run: events per second end to end, and Cosmos requests per event.</summary>
internal sealed record IngestionRunResult(int Events, TimeSpan Elapsed, long CosmosRequests)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double RequestsPerEvent => (double)CosmosRequests / Events;
}
