using System.Text.Json.Serialization;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>One file as tools/bicep-check parsed it: its syntax errors and its syntax tree.</summary>
public sealed class BicepParsedFile
{
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    [JsonPropertyName("errors")]
    public IReadOnlyList<BicepSyntaxError> Errors { get; init; } = [];

    [JsonPropertyName("tree")]
    public required BicepSyntaxNode Tree { get; init; }

    /// <summary>The path relative to the repository root, with '/' separators (for messages).</summary>
    [JsonIgnore]
    public string RelativePath => System.IO.Path.GetRelativePath(Serverless.Testing.RepositoryRoot.Path, Path).Replace('\\', '/');
}
