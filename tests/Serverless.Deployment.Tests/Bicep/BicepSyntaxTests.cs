using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>Check 1 of 3: every infra/**/*.bicep file parses with the tree-sitter Bicep grammar without error nodes.</summary>
public sealed class BicepSyntaxTests
{
    private const string MissingValueSnippet = """
        param location string = 'westeurope'

        resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
          name:
        }
        """;

    private const string MisplacedTextSnippet = """
        resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
          name: 'st1'
          properties: {
            allowSharedKeyAccess: false,,
            minimumTlsVersion 'TLS1_2'
          }
        }
        """;

    private const string UnclosedObjectSnippet = """
        var settings = {
          a: 'b'

        output value string = settings.a
        """;

    private static readonly Lazy<IReadOnlyDictionary<string, BicepParsedFile>> Snippets = new(() => BicepCheckTool.ParseSnippets(typeof(BicepSyntaxTests)));

    [Fact]
    public void InfraHoldsTheMainTemplateAndItsModules()
    {
        var files = BicepCheckTool.Infrastructure.Files.Select(f => f.RelativePath).ToList();

        Assert.Contains("infra/main.bicep", files);
        foreach (var module in new[] { "identity", "monitoring", "storage", "cosmos", "functionapp" })
        {
            Assert.Contains($"infra/modules/{module}.bicep", files);
        }
    }

    [Fact]
    public void EveryBicepFileParsesWithoutErrorOrMissingNodes()
    {
        var output = BicepCheckTool.Infrastructure;

        var errors = output.Files
            .SelectMany(f => f.Errors.Select(e => $"{f.RelativePath} {e}"))
            .ToList();
        Assert.True(errors.Count == 0, $"{output.Grammar} found syntax errors:\n{string.Join("\n", errors)}");
        Assert.All(output.Files, f => Assert.NotEmpty(f.Tree.Children));
    }

    [Fact]
    public void AMissingValueIsReportedAsAMissingNodeWithItsLocation()
    {
        var parsed = Snippets.Value[nameof(MissingValueSnippet)];

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("MISSING", error.Kind);
        Assert.Equal(4, error.Line);
        Assert.Contains("line 4", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TextTheGrammarCannotPlaceIsReportedAsAnErrorNode()
    {
        var parsed = Snippets.Value[nameof(MisplacedTextSnippet)];

        Assert.Contains(parsed.Errors, e => e.Kind == "ERROR");
        Assert.All(parsed.Errors, e => Assert.InRange(e.Line, 4, 5));
    }

    [Fact]
    public void AnUnclosedObjectIsReported()
    {
        var parsed = Snippets.Value[nameof(UnclosedObjectSnippet)];

        Assert.NotEmpty(parsed.Errors);
    }
}
