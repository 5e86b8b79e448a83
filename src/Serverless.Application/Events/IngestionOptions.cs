namespace Serverless.Application.Events;

/// <summary>HTTP ingestion limits (configuration section <c>Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>
    /// The largest single event, as JSON, that still fits a Storage queue message (64 KiB after the base64 encoding
    /// the queue triggers use).
    /// </summary>
    public const int MaxEventBytes = 48 * 1024;

    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How many queue messages one request sends at a time.</summary>
    public int PublishParallelism { get; set; } = 8;
}
