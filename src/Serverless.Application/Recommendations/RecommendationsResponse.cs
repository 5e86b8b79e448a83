namespace Serverless.Application.Recommendations;

/// <summary>GET /api/users/{userId}/recommendations.</summary>
public sealed record RecommendationsResponse
{
    public required string UserId { get; init; }

    public required RecommendationContext Context { get; init; }

    /// <summary>The registry version that scored the list; null in the fallbacks.</summary>
    public string? ModelVersion { get; init; }

    public required ServingModelSource Source { get; init; }

    public required IReadOnlyList<RecommendedItem> Items { get; init; }
}
