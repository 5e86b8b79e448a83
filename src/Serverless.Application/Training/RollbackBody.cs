namespace Serverless.Application.Training;

/// <summary>The JSON body of a rollback: the stored version to make current.</summary>
public sealed record RollbackBody(string? Version);
