namespace Serverless.Domain.Support;

/// <summary>The dialogue asked which order the customer means: the intent to resume and the order ids it offered.</summary>
public sealed record PendingOrderQuestion
{
    public required string Intent { get; init; }

    public required IReadOnlyList<string> OrderIds { get; init; }
}
