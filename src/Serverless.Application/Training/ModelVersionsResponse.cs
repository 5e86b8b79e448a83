using Serverless.Domain.Models;

namespace Serverless.Application.Training;

/// <summary>GET /api/models/{name}/versions: every stored version's manifest, newest first, and which one is current.</summary>
public sealed record ModelVersionsResponse(string Name, string? CurrentVersion, IReadOnlyList<ModelManifest> Versions);
