namespace Serverless.Deployment.Tests.Bicep;

/// <summary>A container as infra/modules/cosmos.bicep declares it, with its values as the dev deployment sets them.</summary>
public sealed record DeclaredCosmosContainer(
    string Name,
    string Id,
    IReadOnlyList<string> PartitionKeyPaths,
    long? DefaultTimeToLive,
    IReadOnlyList<string> IncludedPaths,
    IReadOnlyList<string> ExcludedPaths,
    string Location)
{
    public const string ModulePath = "modules/cosmos.bicep";

    public static IReadOnlyList<DeclaredCosmosContainer> All()
    {
        var deployment = BicepDeployment.Infrastructure;
        var template = deployment.Template(ModulePath);
        var scope = deployment.ScopeOf(template);
        return [.. template.ResourcesOfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers").Select(r =>
        {
            if (r.Loop is not null)
            {
                throw new InvalidOperationException($"{r}: declare containers one by one so that each can be checked.");
            }

            var resource = BicepObjects.Path(r.Body, "properties", "resource")
                ?? throw new InvalidOperationException($"{r} has no properties.resource.");
            var ttl = BicepObjects.Property(resource, "defaultTtl");
            return new DeclaredCosmosContainer(
                (string)scope.Evaluate(BicepObjects.Property(r.Body, "name")!)!,
                (string)scope.Evaluate(BicepObjects.Property(resource, "id")!)!,
                Strings(scope, BicepObjects.Path(resource, "partitionKey", "paths")),
                ttl is null ? null : (long?)scope.Evaluate(ttl),
                Paths(scope, BicepObjects.Path(resource, "indexingPolicy", "includedPaths")),
                Paths(scope, BicepObjects.Path(resource, "indexingPolicy", "excludedPaths")),
                $"{template.File.RelativePath} {r.Node.Location}");
        })];
    }

    private static List<string> Strings(BicepScope scope, BicepSyntaxNode? array) =>
        array is null ? [] : [.. ((List<object?>)scope.Evaluate(array)!).Cast<string>()];

    private static List<string> Paths(BicepScope scope, BicepSyntaxNode? array) =>
        array is null
            ? []
            : [.. ((List<object?>)scope.Evaluate(array)!).Select(p => (string)((Dictionary<string, object?>)p!)["path"]!)];
}
