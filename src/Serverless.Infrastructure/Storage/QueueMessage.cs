namespace Serverless.Infrastructure.Storage;

/// <summary>A received message: hidden from other consumers until <see cref="NextVisibleOn"/>; delete it with <see cref="PopReceipt"/>.</summary>
/// <param name="Body">The decoded text (when <see cref="DecodingFailed"/>, the raw text as stored).</param>
/// <param name="DequeueCount">How many times it was received, this time included (the poison-queue rule counts these).</param>
/// <param name="DecodingFailed">Base64 was expected but the stored text is not base64 of UTF-8 (a producer that skipped encoding).</param>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string Body,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn,
    bool DecodingFailed = false);
