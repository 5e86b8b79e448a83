namespace Serverless.Application.Events;

/// <summary>An HTTP ingestion request as the host received it: headers that matter and the raw body.</summary>
public sealed record IngestRequest(string? ContentType, long? ContentLength, Stream Body);
