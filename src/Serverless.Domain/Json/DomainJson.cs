using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serverless.Domain.Json;

/// <summary>
/// The one JSON shape used on the wire, in queues, in Cosmos and in the archive: camelCase properties,
/// snake_case enum names (add_to_cart, at_risk), nulls omitted.
/// </summary>
public static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
