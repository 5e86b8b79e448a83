using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Domain.Json;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>
/// Documents are the domain object in its one JSON shape, flat, plus the Cosmos <c>id</c> (and, where a container
/// holds several kinds, a <c>kind</c>). Reading back into the domain type ignores those extra properties.
/// </summary>
internal static class CosmosDocument
{
    public static JsonObject From<T>(T value, string id)
    {
        var document = JsonSerializer.SerializeToNode(value, DomainJson.Options) as JsonObject
            ?? throw new ArgumentException($"{typeof(T).Name} does not serialize to a JSON object.", nameof(value));
        document["id"] = id;
        return document;
    }
}
