using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Domain.Json;
using Xunit.Sdk;

namespace Serverless.Domain.Tests.Support;

/// <summary>
/// Structural JSON equality: objects compare as unordered maps (member order carries no meaning in JSON), arrays in
/// order, numbers within a relative tolerance (floating-point sums depend on the order of additions).
/// </summary>
public static class JsonEquivalence
{
    public static void AssertEquivalent<T>(T expected, T actual, double relativeTolerance = 1e-9, ISet<string>? unorderedArrays = null)
    {
        var left = JsonNode.Parse(JsonSerializer.Serialize(expected, DomainJson.Options));
        var right = JsonNode.Parse(JsonSerializer.Serialize(actual, DomainJson.Options));
        var difference = Compare(left, right, "$", relativeTolerance, unorderedArrays ?? new HashSet<string>());
        if (difference is not null)
        {
            throw new XunitException($"JSON differs at {difference}");
        }
    }

    private static string? Compare(JsonNode? a, JsonNode? b, string path, double tolerance, ISet<string> unorderedArrays)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? null : $"{path}: {a?.ToJsonString() ?? "null"} vs {b?.ToJsonString() ?? "null"}";
        }

        switch (a)
        {
            case JsonObject objectA when b is JsonObject objectB:
                var keys = objectA.Select(p => p.Key).Union(objectB.Select(p => p.Key));
                foreach (var key in keys)
                {
                    var inner = Compare(objectA[key], objectB[key], $"{path}.{key}", tolerance, unorderedArrays);
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonArray arrayA when b is JsonArray arrayB:
                if (arrayA.Count != arrayB.Count)
                {
                    return $"{path}: {arrayA.Count} items vs {arrayB.Count}";
                }

                var name = path[(path.LastIndexOf('.') + 1)..];
                var itemsA = arrayA.ToList();
                var itemsB = arrayB.ToList();
                if (unorderedArrays.Contains(name))
                {
                    itemsA = itemsA.OrderBy(n => n?.ToJsonString(), StringComparer.Ordinal).ToList();
                    itemsB = itemsB.OrderBy(n => n?.ToJsonString(), StringComparer.Ordinal).ToList();
                }

                for (var i = 0; i < itemsA.Count; i++)
                {
                    var inner = Compare(itemsA[i], itemsB[i], $"{path}[{i}]", tolerance, unorderedArrays);
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValue valueA when b is JsonValue valueB:
                if (valueA.GetValueKind() == JsonValueKind.Number && valueB.GetValueKind() == JsonValueKind.Number)
                {
                    var x = valueA.GetValue<double>();
                    var y = valueB.GetValue<double>();
                    return Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))) ? null : $"{path}: {x:R} vs {y:R}";
                }

                return valueA.ToJsonString() == valueB.ToJsonString() ? null : $"{path}: {valueA.ToJsonString()} vs {valueB.ToJsonString()}";
            default:
                return $"{path}: {a.ToJsonString()} vs {b.ToJsonString()}";
        }
    }
}
