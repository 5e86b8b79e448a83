using System.Text.Json;

namespace Serverless.Application.Common;

/// <summary>Presence checks on raw JSON, so a missing required member is reported by name rather than as a parse failure.</summary>
public static class JsonMembers
{
    /// <summary>The member's value when present and not null; names match case-insensitively, as DomainJson binds them.</summary>
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>"$.lines[0].quantity" -> "lines[0].quantity"; "$" -> "".</summary>
    public static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return string.Empty;
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    /// <summary>
    /// True when an ISO 8601 date-time string ends in Z or +hh:mm / -hh:mm. Without an offset System.Text.Json would
    /// read the time in the server's zone, so the contracts require one.
    /// </summary>
    public static bool HasUtcOffset(string value)
    {
        var trimmed = value.TrimEnd();
        if (trimmed.EndsWith('Z') || trimmed.EndsWith('z'))
        {
            return true;
        }

        return trimmed.Length >= 6
            && trimmed[^3] == ':'
            && trimmed[^6] is '+' or '-'
            && trimmed.Contains('T', StringComparison.OrdinalIgnoreCase);
    }
}
