namespace Serverless.Application.Events;

/// <summary>202 body: how many events were queued and their ids, in request order.</summary>
public sealed record IngestResponse(int Accepted, IReadOnlyList<string> EventIds);
