namespace Serverless.Domain.Ports;

/// <summary>One page of a listing; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
