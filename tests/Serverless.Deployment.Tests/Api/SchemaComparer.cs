using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Serverless.Domain.Json;

namespace Serverless.Deployment.Tests.Api;

/// <summary>
/// Compares an OpenAPI component schema with the C# type whose JSON (as <see cref="DomainJson"/> writes it) it
/// describes: the same property names; <c>required</c> exactly the properties that are never null (nulls are omitted);
/// JSON types matching the C# types; enums listing the wire names; nested product types as <c>$ref</c>s to the component
/// named after the type, compared in turn. Returns one line per difference.
/// </summary>
public static class SchemaComparer
{
    public const string ComponentPrefix = "#/components/schemas/";

    private static readonly NullabilityInfoContext Nullability = new();

    public static IReadOnlyList<string> Compare(JsonObject schemas, Type type)
    {
        var problems = new List<string>();
        CompareComponent(schemas, type, problems, []);
        return problems;
    }

    /// <summary>The type serialized as a JSON object and described by a component of its own (records and classes of the product).</summary>
    public static bool IsProductType(Type type) =>
        type is { IsClass: true } && type != typeof(string) && type.Namespace?.StartsWith("Serverless.", StringComparison.Ordinal) == true;

    private static void CompareComponent(JsonObject schemas, Type type, List<string> problems, HashSet<Type> visited)
    {
        if (!visited.Add(type))
        {
            return;
        }

        if (schemas[type.Name] is not JsonObject schema)
        {
            problems.Add($"{type.Name}: no component schema of that name.");
            return;
        }

        var info = DomainJson.Options.GetTypeInfo(type);
        var properties = info.Properties.ToDictionary(p => p.Name);
        var declared = (schema["properties"] as JsonObject ?? []).Select(p => p.Key).ToHashSet();
        var required = (schema["required"] as JsonArray ?? []).Select(n => (string)n!).ToHashSet();

        if ((string?)schema["type"] != "object" || (bool?)schema["additionalProperties"] != false)
        {
            problems.Add($"{type.Name}: must be \"type: object\" with \"additionalProperties: false\".");
        }

        foreach (var name in properties.Keys.Except(declared))
        {
            problems.Add($"{type.Name}.{name}: written by the C# type but not in the schema.");
        }

        foreach (var name in declared.Except(properties.Keys))
        {
            problems.Add($"{type.Name}.{name}: in the schema but not written by the C# type.");
        }

        foreach (var (name, property) in properties.Where(p => declared.Contains(p.Key)))
        {
            var alwaysWritten = !IsNullable(property);
            if (alwaysWritten != required.Contains(name))
            {
                problems.Add($"{type.Name}.{name}: {(alwaysWritten ? "never null, so it must be required" : "omitted when null, so it must not be required")}.");
            }

            CompareValue(schemas, $"{type.Name}.{name}", property.PropertyType, schema["properties"]![name]!.AsObject(), problems, visited);
        }
    }

    private static void CompareValue(JsonObject schemas, string path, Type type, JsonObject schema, List<string> problems, HashSet<Type> visited)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var expected = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, DomainJson.Options).Trim('"'));
            var listed = (schema["enum"] as JsonArray ?? []).Select(n => (string)n!);
            if (!expected.SequenceEqual(listed))
            {
                problems.Add($"{path}: enum [{string.Join(", ", listed)}] instead of [{string.Join(", ", expected)}].");
            }

            return;
        }

        if (IsProductType(type) && !IsCollection(type))
        {
            var reference = (string?)schema["$ref"];
            if (reference != ComponentPrefix + type.Name)
            {
                problems.Add($"{path}: must be {{ $ref: \"{ComponentPrefix}{type.Name}\" }} (is {schema.ToJsonString()}).");
            }
            else
            {
                CompareComponent(schemas, type, problems, visited);
            }

            return;
        }

        var expectedType = JsonType(type);
        if ((string?)schema["type"] != expectedType)
        {
            problems.Add($"{path}: type \"{(string?)schema["type"]}\" instead of \"{expectedType}\".");
            return;
        }

        if (type == typeof(DateTimeOffset) && (string?)schema["format"] != "date-time")
        {
            problems.Add($"{path}: a DateTimeOffset needs \"format: date-time\".");
        }

        if (type == typeof(DateOnly) && (string?)schema["format"] != "date")
        {
            problems.Add($"{path}: a DateOnly needs \"format: date\".");
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            if (schema["additionalProperties"] is JsonObject values)
            {
                CompareValue(schemas, path + "{}", valueType, values, problems, visited);
            }
            else
            {
                problems.Add($"{path}: a dictionary needs an \"additionalProperties\" schema.");
            }
        }
        else if (ElementType(type) is { } elementType)
        {
            if (schema["items"] is JsonObject items)
            {
                CompareValue(schemas, path + "[]", elementType, items, problems, visited);
            }
            else
            {
                problems.Add($"{path}: an array needs an \"items\" schema.");
            }
        }
    }

    private static bool IsNullable(JsonPropertyInfo property)
    {
        if (property.PropertyType.IsValueType)
        {
            return Nullable.GetUnderlyingType(property.PropertyType) is not null;
        }

        return property.AttributeProvider is PropertyInfo info && Nullability.Create(info).ReadState != NullabilityState.NotNull;
    }

    private static string JsonType(Type type) => type switch
    {
        _ when type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) => "string",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "integer",
        _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "number",
        _ when type == typeof(bool) => "boolean",
        _ when DictionaryValueType(type) is not null => "object",
        _ when ElementType(type) is not null => "array",
        _ => $"<unmapped C# type {type.Name}>",
    };

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static Type? DictionaryValueType(Type type) =>
        Interfaces(type).FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))?.GetGenericArguments()[1];

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null : Interfaces(type).FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static IEnumerable<Type> Interfaces(Type type) =>
        (type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces()).Where(i => i.IsGenericType);
}
