namespace Serverless.Domain.Models;

/// <summary>
/// The current version of a model (<c>models/{name}/current.json</c>). Serving reads it; promotion and rollback
/// replace it under an ETag precondition, so two writers never both believe they won.
/// </summary>
public sealed record ModelPointer
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The version this pointer replaced; null for the first one.</summary>
    public string? PreviousVersion { get; init; }

    /// <summary>How it got here: a promotion (with the gate's reason) or a rollback.</summary>
    public required string Reason { get; init; }
}
