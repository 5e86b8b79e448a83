using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Check 3 (identity): the Function App runs as the user-assigned identity, and that identity holds the data-plane
/// roles the code needs: Storage Blob Data Owner and Storage Queue Data Contributor, Cosmos DB Built-in Data
/// Contributor (SQL role assignment) and Monitoring Metrics Publisher on Application Insights.
/// </summary>
public sealed class IdentityInvariantTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CosmosBuiltInDataContributor = "00000000-0000-0000-0000-000000000002";
    private const string IdentityPrincipalId = "identity.outputs.principalId";

    [Fact]
    public void TheIdentityHoldsTheStorageDataRolesOnTheAccount()
    {
        var deployment = BicepDeployment.Infrastructure;
        var template = deployment.Template("modules/storage.bicep");
        var assignments = template.ResourcesOfType("Microsoft.Authorization/roleAssignments").ToList();
        var scope = deployment.ScopeOf(template);

        var roles = assignments.SelectMany(a => RoleIds(a, scope)).ToList();
        Assert.Contains(StorageBlobDataOwner, roles);
        Assert.Contains(StorageQueueDataContributor, roles);
        Assert.All(assignments, a =>
        {
            Assert.Equal("account", BicepExpressions.DottedName(BicepObjects.Property(a.Body, "scope")!));
            Assert.Equal("appPrincipalId", BicepExpressions.DottedName(BicepObjects.Path(a.Body, "properties", "principalId")!));
            DeclaredResources.Expect(a, scope, "ServicePrincipal", "properties", "principalType");
        });
        Assert.Equal(IdentityPrincipalId, MainBinding("modules/storage.bicep", "appPrincipalId"));
    }

    [Fact]
    public void TheIdentityIsACosmosDbBuiltInDataContributorOnTheAccount()
    {
        var (assignment, scope) = DeclaredResources.Single("modules/cosmos.bicep", "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");

        var roleDefinition = BicepExpressions.Render(BicepObjects.Path(assignment.Body, "properties", "roleDefinitionId")!, scope);
        Assert.Equal($"${{account.id}}/sqlRoleDefinitions/{CosmosBuiltInDataContributor}", roleDefinition);
        Assert.Equal("account.id", BicepExpressions.DottedName(BicepObjects.Path(assignment.Body, "properties", "scope")!));
        Assert.Equal("dataContributorPrincipalId", BicepExpressions.DottedName(BicepObjects.Path(assignment.Body, "properties", "principalId")!));
        Assert.Equal(IdentityPrincipalId, MainBinding("modules/cosmos.bicep", "dataContributorPrincipalId"));
    }

    [Fact]
    public void TheIdentityPublishesTelemetryToApplicationInsights()
    {
        var (assignment, scope) = DeclaredResources.Single("modules/monitoring.bicep", "Microsoft.Authorization/roleAssignments");

        Assert.Equal([MonitoringMetricsPublisher], RoleIds(assignment, scope));
        Assert.Equal("applicationInsights", BicepExpressions.DottedName(BicepObjects.Property(assignment.Body, "scope")!));
        Assert.Equal("publisherPrincipalId", BicepExpressions.DottedName(BicepObjects.Path(assignment.Body, "properties", "principalId")!));
        Assert.Equal(IdentityPrincipalId, MainBinding("modules/monitoring.bicep", "publisherPrincipalId"));
    }

    [Fact]
    public void TheFunctionAppRunsAsTheIdentityAndReadsItsPackageWithIt()
    {
        var (site, scope) = DeclaredResources.Single(FunctionAppSettings.ModulePath, "Microsoft.Web/sites");

        DeclaredResources.Expect(site, scope, "UserAssigned", "identity", "type");
        var identities = BicepObjects.Path(site.Body, "identity", "userAssignedIdentities")!;
        var entry = Assert.Single(BicepObjects.Properties(identities));
        Assert.Equal("${identityId}", BicepExpressions.Render(entry.Node.Children.First(), scope));
        var authentication = new[] { "properties", "functionAppConfig", "deployment", "storage", "authentication" };
        DeclaredResources.Expect(site, scope, "UserAssignedIdentity", [.. authentication, "type"]);
        Assert.Equal("identityId", BicepExpressions.DottedName(BicepObjects.Path(site.Body, [.. authentication, "userAssignedIdentityResourceId"])!));
        Assert.Equal("identity.outputs.id", MainBinding(FunctionAppSettings.ModulePath, "identityId"));
        Assert.Equal("identity.outputs.clientId", MainBinding(FunctionAppSettings.ModulePath, "identityClientId"));
    }

    /// <summary>The role definition ids a role assignment (or each instance of its loop) grants.</summary>
    private static IReadOnlyList<string> RoleIds(BicepResourceDeclaration assignment, BicepScope scope)
    {
        var roleDefinition = BicepObjects.Path(assignment.Body, "properties", "roleDefinitionId")!;
        Assert.Equal("call_expression", roleDefinition.Type);
        Assert.Equal("subscriptionResourceId", roleDefinition.FieldChild("function")!.Text);
        var arguments = roleDefinition.FieldChild("arguments")!.Children.ToList();
        Assert.Equal("Microsoft.Authorization/roleDefinitions", BicepObjects.StringLiteral(arguments[0]));
        var template = scope.Template;
        return [.. BicepDeployment.Infrastructure.EvaluatePerInstance(template, assignment, arguments[1]).Cast<string>()];
    }

    /// <summary>The dotted expression main.bicep passes to <paramref name="parameter"/> of the module at <paramref name="modulePath"/>.</summary>
    private static string? MainBinding(string modulePath, string parameter)
    {
        var main = BicepDeployment.Infrastructure.Main;
        var module = Assert.Single(main.Modules, m => m.Path == modulePath);
        var value = BicepObjects.Property(module.Params!, parameter);
        Assert.True(value is not null, $"main.bicep does not pass {parameter} to {modulePath}.");
        return BicepExpressions.DottedName(value);
    }
}
