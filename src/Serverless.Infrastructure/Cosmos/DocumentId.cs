namespace Serverless.Infrastructure.Cosmos;

/// <summary>Just the id of a document: what a query needs when it only looks for things to delete.</summary>
internal sealed record DocumentId(string Id);
