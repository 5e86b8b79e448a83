using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>
/// Makes the SDK read and write documents with System.Text.Json and the domain's one JSON shape
/// (<see cref="Serverless.Domain.Json.DomainJson.Options"/>) instead of its built-in Newtonsoft.Json.
/// </summary>
internal sealed class SystemTextJsonCosmosSerializer(JsonSerializerOptions options) : CosmosSerializer
{
    public override T FromStream<T>(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (typeof(Stream).IsAssignableFrom(typeof(T)))
        {
            return (T)(object)stream;
        }

        using (stream)
        {
            if (stream.CanSeek && stream.Length == 0)
            {
                return default!;
            }

            return JsonSerializer.Deserialize<T>(stream, options)!;
        }
    }

    public override Stream ToStream<T>(T input)
    {
        var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, input, options);
        stream.Position = 0;
        return stream;
    }
}
