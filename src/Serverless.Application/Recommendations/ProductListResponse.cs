namespace Serverless.Application.Recommendations;

/// <summary>GET /api/products/{productId}/similar and GET /api/products/trending.</summary>
public sealed record ProductListResponse
{
    /// <summary>The product the list is similar to (similar only).</summary>
    public string? ProductId { get; init; }

    /// <summary>The filters applied (trending only).</summary>
    public string? Segment { get; init; }

    public string? Category { get; init; }

    public string? ModelVersion { get; init; }

    public required ServingModelSource Source { get; init; }

    public required IReadOnlyList<RecommendedItem> Items { get; init; }
}
