using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Serverless.Domain.Profiles;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Check 3 (Cosmos DB): the Bicep declares the database and exactly the containers the code defines, with the same
/// partition keys and default TTLs, and indexes every path the code's queries filter on.
/// </summary>
public sealed partial class CosmosInvariantTests
{
    private static readonly CosmosSettings DefaultSettings = new() { Endpoint = new Uri("https://example.documents.azure.com/") };

    [Fact]
    public void EveryContainerOfTheCodeIsDeclaredWithTheSamePartitionKeyAndTimeToLive()
    {
        var declared = DeclaredCosmosContainer.All().ToDictionary(c => c.Id, StringComparer.Ordinal);
        var expected = CosmosInitializer.ContainerDefinitions(DefaultSettings);

        Assert.Equal(expected.Select(c => c.Id).Order(StringComparer.Ordinal), declared.Keys.Order(StringComparer.Ordinal));
        foreach (var container in expected)
        {
            var bicep = declared[container.Id];
            Assert.Equal(container.Id, bicep.Name);
            Assert.Equal([container.PartitionKeyPath], bicep.PartitionKeyPaths);
            Assert.True(
                container.DefaultTimeToLive == bicep.DefaultTimeToLive,
                $"{bicep.Location}: container '{container.Id}' has defaultTtl {bicep.DefaultTimeToLive?.ToString() ?? "(none)"}, the code {container.DefaultTimeToLive?.ToString() ?? "(none)"}.");
        }
    }

    [Fact]
    public void TheEventsContainerExpiresDocumentsAfterNinetyDays()
    {
        var events = Assert.Single(DeclaredCosmosContainer.All(), c => c.Id == ContainerNames.Events);

        Assert.Equal(90L * 24 * 60 * 60, events.DefaultTimeToLive);
    }

    [Fact]
    public void TheDatabaseIsTheOneTheCodeUses()
    {
        var deployment = BicepDeployment.Infrastructure;
        var template = deployment.Template(DeclaredCosmosContainer.ModulePath);
        var database = Assert.Single(template.ResourcesOfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases"));
        var scope = deployment.ScopeOf(template);

        Assert.Equal(CosmosSettings.DefaultDatabase, scope.Evaluate(BicepObjects.Property(database.Body, "name")!));
        Assert.Equal(CosmosSettings.DefaultDatabase, scope.Evaluate(BicepObjects.Path(database.Body, "properties", "resource", "id")!));
        Assert.Equal(CosmosSettings.DefaultDatabase, FunctionAppSettings.StaticValue("CosmosDb__Database"));
    }

    [Fact]
    public void EveryPathTheCodeQueriesOnIsIndexed()
    {
        var containers = DeclaredCosmosContainer.All().ToDictionary(c => c.Id, StringComparer.Ordinal);
        var queries = CodeQueries().ToList();
        Assert.True(queries.Count >= 3, $"Expected the repositories' queries, found {queries.Count}.");

        foreach (var (file, container, query) in queries)
        {
            var declared = containers[container];
            var where = query.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase);
            Assert.True(where > 0, $"{file}: '{query}' reads a whole container through a query; use the change feed.");
            foreach (Match path in QueriedPath().Matches(query[where..]))
            {
                var documentPath = path.Groups["path"].Value;
                Assert.True(
                    CosmosIndexCoverage.IsIndexed(documentPath, declared.IncludedPaths, declared.ExcludedPaths),
                    $"{file}: '{query}' filters on {documentPath}, which {declared.Location} does not index (included: {string.Join(", ", declared.IncludedPaths)}; excluded: {string.Join(", ", declared.ExcludedPaths)}).");
            }
        }
    }

    [Fact]
    public void PathsExcludedFromTheProfilesIndexAreProfileProperties()
    {
        var profiles = Assert.Single(DeclaredCosmosContainer.All(), c => c.Id == ContainerNames.Profiles);
        var properties = typeof(UserProfile).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Append("\"_etag\"")
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(profiles.ExcludedPaths);
        Assert.All(profiles.ExcludedPaths, path =>
            Assert.True(properties.Contains(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]), $"{path} names no property of UserProfile."));
        Assert.Contains("/purchases/*", profiles.ExcludedPaths);
        Assert.Contains("/appliedEventIds/*", profiles.ExcludedPaths);
        Assert.True(CosmosIndexCoverage.IsIndexed("userId", profiles.IncludedPaths, profiles.ExcludedPaths));
    }

    [Theory]
    [InlineData("segmentId", true)]
    [InlineData("kind", true)]
    [InlineData("userId", false)]
    [InlineData("lines.productId", false)]
    public void IndexCoverageFollowsTheMostSpecificPath(string path, bool indexed)
    {
        string[] included = ["/segmentId/?", "/kind/?"];
        string[] excluded = ["/*"];

        Assert.Equal(indexed, CosmosIndexCoverage.IsIndexed(path, included, excluded));
    }

    [Fact]
    public void AnExcludedSubtreeWinsOverTheRootInclusion()
    {
        string[] included = ["/*"];
        string[] excluded = ["/purchases/*", "/\"_etag\"/?"];

        Assert.True(CosmosIndexCoverage.IsIndexed("lifecycle", included, excluded));
        Assert.False(CosmosIndexCoverage.IsIndexed("purchases.orderId", included, excluded));
    }

    /// <summary>Every SQL query of src/Serverless.Infrastructure/Cosmos, with the container its file uses.</summary>
    private static IEnumerable<(string File, string Container, string Query)> CodeQueries()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "src", "Serverless.Infrastructure", "Cosmos");
        foreach (var path in Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal))
        {
            var source = File.ReadAllText(path);
            var queries = SqlLiteral().Matches(source).Select(m => m.Groups["sql"].Value).ToList();
            if (queries.Count == 0)
            {
                continue;
            }

            var file = Path.GetFileName(path);
            var properties = ContainerProperty().Matches(source).Select(m => m.Groups["name"].Value).Distinct().ToList();
            var property = Assert.Single(properties);
            var id = typeof(ContainerNames).GetField(property)?.GetRawConstantValue() as string;
            Assert.True(id is not null, $"{file}: containers.{property} has no ContainerNames constant.");
            foreach (var query in queries)
            {
                yield return (file, id, query);
            }
        }
    }

    [GeneratedRegex(@"""(?<sql>SELECT\s[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex SqlLiteral();

    [GeneratedRegex(@"\bcontainers\.(?<name>(?!Database\b)[A-Z]\w*)")]
    private static partial Regex ContainerProperty();

    [GeneratedRegex(@"\bc\.(?<path>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)")]
    private static partial Regex QueriedPath();
}
