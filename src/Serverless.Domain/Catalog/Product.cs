namespace Serverless.Domain.Catalog;

/// <summary>A catalog product (container <c>catalog</c>). Upserts carry <see cref="UpdatedAt"/>; an older upsert never overwrites a newer one.</summary>
public sealed record Product
{
    public required string ProductId { get; init; }

    public required string Title { get; init; }

    public string? Category { get; init; }

    public string? Brand { get; init; }

    public decimal? Price { get; init; }

    public string? Currency { get; init; }

    public bool InStock { get; init; } = true;

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
