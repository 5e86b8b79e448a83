using System.Text.Json.Serialization;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>An ERROR node (text the grammar could not place) or a MISSING node (a token the parser had to invent).</summary>
public sealed record BicepSyntaxError
{
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>For MISSING nodes: the token that was expected.</summary>
    [JsonPropertyName("expected")]
    public string? Expected { get; init; }

    [JsonPropertyName("parent")]
    public string? Parent { get; init; }

    [JsonPropertyName("line")]
    public int Line { get; init; }

    [JsonPropertyName("column")]
    public int Column { get; init; }

    [JsonPropertyName("endLine")]
    public int EndLine { get; init; }

    [JsonPropertyName("endColumn")]
    public int EndColumn { get; init; }

    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    [JsonPropertyName("sourceLine")]
    public string SourceLine { get; init; } = "";

    public override string ToString() =>
        Kind == "MISSING"
            ? $"line {Line}, column {Column}: missing {Expected} (in {Parent}): {SourceLine.Trim()}"
            : $"line {Line}, column {Column} to line {EndLine}, column {EndColumn}: unexpected '{Text}' (in {Parent}): {SourceLine.Trim()}";
}
