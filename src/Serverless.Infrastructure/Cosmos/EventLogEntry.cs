namespace Serverless.Infrastructure.Cosmos;

/// <summary>The bookkeeping part of an <c>events</c> document: whether its effects were fully applied.</summary>
internal sealed record EventLogEntry(string Id, bool Processed);
