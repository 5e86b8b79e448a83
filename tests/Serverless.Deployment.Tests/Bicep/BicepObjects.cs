using System.Globalization;
using System.Text;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>Reads object literals and string literals of the syntax tree.</summary>
public static class BicepObjects
{
    public static IEnumerable<BicepObjectProperty> Properties(BicepSyntaxNode objectNode)
    {
        ArgumentNullException.ThrowIfNull(objectNode);
        if (objectNode.Type != "object")
        {
            throw new ArgumentException($"Expected an object literal, found {objectNode}.", nameof(objectNode));
        }

        foreach (var property in objectNode.Children.Where(c => c.Type == "object_property"))
        {
            var parts = property.Children.ToList();
            if (parts is [{ Type: "resource_declaration" } nested])
            {
                yield return new BicepObjectProperty(null, property, null, nested);
                continue;
            }

            if (parts.Count != 2)
            {
                throw new FormatException($"Unexpected object property shape at {property.Location}: {string.Join(", ", parts.Select(p => p.Type))}.");
            }

            yield return new BicepObjectProperty(KeyText(parts[0]), property, parts[1], null);
        }
    }

    /// <summary>The value of <paramref name="key"/> in an object literal, or null when the object does not set it.</summary>
    public static BicepSyntaxNode? Property(BicepSyntaxNode objectNode, string key) =>
        Properties(objectNode).FirstOrDefault(p => p.Key == key)?.Value;

    /// <summary>Follows nested object literals: <c>Path(body, "properties", "resource", "id")</c>.</summary>
    public static BicepSyntaxNode? Path(BicepSyntaxNode objectNode, params string[] keys)
    {
        var current = objectNode;
        foreach (var key in keys)
        {
            if (current.Type != "object")
            {
                return null;
            }

            var next = Property(current, key);
            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The text of a string literal without interpolation; null for any other node.</summary>
    public static string? StringLiteral(BicepSyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Type != "string" || node.Children.Any(c => c.Type == "interpolation"))
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var part in node.Children)
        {
            text.Append(part.Type == "escape_sequence" ? Unescape(part.Text ?? "") : part.Text);
        }

        return text.ToString();
    }

    /// <summary>Bicep escapes: \\ \' \n \r \t \$ and \u{hex}.</summary>
    public static string Unescape(string escape) => escape switch
    {
        "\\\\" => "\\",
        "\\'" => "'",
        "\\n" => "\n",
        "\\r" => "\r",
        "\\t" => "\t",
        "\\$" => "$",
        _ when escape.StartsWith("\\u{", StringComparison.Ordinal) && escape.EndsWith('}') =>
            char.ConvertFromUtf32(int.Parse(escape[3..^1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
        _ => throw new FormatException($"Unknown Bicep escape sequence '{escape}'."),
    };

    private static string? KeyText(BicepSyntaxNode key) => key.Type switch
    {
        "identifier" => key.Text,
        "compatible_identifier" => key.Children.Single().Text,
        "string" => StringLiteral(key),
        _ => throw new FormatException($"Unexpected object key {key}."),
    };
}
