using System.Diagnostics.Metrics;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>
/// Cosmos DB request metrics on the meter <see cref="MeterName"/> (exported by OpenTelemetry where configured, read by
/// the ingestion benchmark to report operations per event): every request the SDK sends, and the RU it cost.
/// </summary>
public static class CosmosMetrics
{
    public const string MeterName = "Serverless.Cosmos";

    private static readonly Meter Meter = new(MeterName);

    public static Counter<long> Requests { get; } = Meter.CreateCounter<long>("cosmos.requests", unit: "{request}", description: "Requests sent to Cosmos DB.");

    public static Counter<double> RequestCharge { get; } = Meter.CreateCounter<double>("cosmos.request_charge", unit: "RU", description: "Request units consumed.");
}
