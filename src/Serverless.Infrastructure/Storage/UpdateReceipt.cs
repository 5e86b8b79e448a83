namespace Serverless.Infrastructure.Storage;

/// <summary>The new pop receipt (the old one no longer works) and when the message becomes visible again.</summary>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
