namespace Serverless.Application.Training;

/// <summary>POST /api/models/{name}/rollback as the host received it: the content type and the body <c>{"version": "..."}</c>.</summary>
public sealed record RollbackRequest(string? ContentType, Stream Body);
