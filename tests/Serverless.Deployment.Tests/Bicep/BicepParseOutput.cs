using System.Text.Json.Serialization;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>What tools/bicep-check/parse-bicep.cjs prints: the grammar used and every file it parsed.</summary>
public sealed class BicepParseOutput
{
    [JsonPropertyName("grammar")]
    public required string Grammar { get; init; }

    [JsonPropertyName("files")]
    public required IReadOnlyList<BicepParsedFile> Files { get; init; }
}
