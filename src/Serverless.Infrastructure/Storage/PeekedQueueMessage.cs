namespace Serverless.Infrastructure.Storage;

/// <summary>A message seen without receiving it (no pop receipt, visibility unchanged).</summary>
public sealed record PeekedQueueMessage(
    string MessageId,
    string Body,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    bool DecodingFailed = false);
