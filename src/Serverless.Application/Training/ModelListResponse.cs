namespace Serverless.Application.Training;

/// <summary>GET /api/models.</summary>
public sealed record ModelListResponse(IReadOnlyList<ModelSummary> Models);
