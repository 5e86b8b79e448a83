namespace Serverless.Domain.Catalog;

/// <summary>A message on the <c>catalog</c> queue: one product upsert (contract: docs/contracts/catalog.schema.json).</summary>
public sealed record CatalogMessage
{
    public string SchemaVersion { get; init; } = "1";

    public required Product Product { get; init; }
}
