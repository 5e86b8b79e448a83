using System.Text.Json.Serialization;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// A named node of the tree-sitter Bicep syntax tree, as tools/bicep-check/parse-bicep.cjs prints it: the node type
/// (<c>resource_declaration</c>, <c>object_property</c>, <c>string</c>, ...), the grammar field it fills in its parent
/// (<c>condition</c>, <c>body</c>, ...), its 1-based position, the source text of leaves, the anonymous tokens among its
/// children (keywords such as <c>existing</c>, operators) and its named children.
/// </summary>
public sealed class BicepSyntaxNode
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("field")]
    public string? Field { get; init; }

    [JsonPropertyName("line")]
    public int Line { get; init; }

    [JsonPropertyName("column")]
    public int Column { get; init; }

    /// <summary>Source text, set for nodes without named children only.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("tokens")]
    public IReadOnlyList<string> Tokens { get; init; } = [];

    [JsonPropertyName("children")]
    public IReadOnlyList<BicepSyntaxNode> AllChildren { get; init; } = [];

    /// <summary>Named children other than comments.</summary>
    [JsonIgnore]
    public IEnumerable<BicepSyntaxNode> Children => AllChildren.Where(c => c.Type is not ("comment" or "diagnostic_comment"));

    [JsonIgnore]
    public string Location => $"line {Line}, column {Column}";

    public bool HasToken(string token) => Tokens.Contains(token, StringComparer.Ordinal);

    public BicepSyntaxNode? FieldChild(string field) => Children.FirstOrDefault(c => c.Field == field);

    public BicepSyntaxNode? FirstChild(string type) => Children.FirstOrDefault(c => c.Type == type);

    public IEnumerable<BicepSyntaxNode> Descendants()
    {
        foreach (var child in Children)
        {
            yield return child;
            foreach (var descendant in child.Descendants())
            {
                yield return descendant;
            }
        }
    }

    public override string ToString() => Text is null ? $"{Type} at {Location}" : $"{Type} '{Text}' at {Location}";
}
