using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Check 3 (security): no secret anywhere in infra/, shared-key and local authentication disabled, TLS 1.2 minimum,
/// no public blob access, HTTPS only, no basic-auth publishing.
/// </summary>
public sealed class SecurityInvariantTests
{
    [Fact]
    public void NoTemplateOrParameterFileContainsASecret()
    {
        var files = BicepCheckTool.InfrastructureFilePaths()
            .Concat(Directory.EnumerateFiles(BicepCheckTool.InfrastructureFolder, "*.json", SearchOption.AllDirectories))
            .ToList();

        Assert.Contains(files, f => f.EndsWith("main.parameters.json", StringComparison.Ordinal));
        var findings = files.SelectMany(f => SecretPatterns.Find(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)} {m}")).ToList();
        Assert.True(findings.Count == 0, "Secrets in infra/:\n" + string.Join("\n", findings));
    }

    [Theory]
    [InlineData("value: 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=${storage.listKeys().keys[0].value}'")]
    [InlineData("CosmosDb__Key: cosmos.listKeys().primaryMasterKey")]
    [InlineData("url: '${blob}?sv=2024-01-01&sig=abc'")]
    [InlineData("@secure()\nparam adminPassword string")]
    [InlineData("value: 'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=abc'")]
    public void TheSecretScanFindsKeysAndKeyListings(string text)
    {
        Assert.NotEmpty(SecretPatterns.Find(text));
    }

    [Fact]
    public void NoAppSettingNameCarriesASecret()
    {
        var names = FunctionAppSettings.Declared().Keys;

        Assert.DoesNotContain("AzureWebJobsStorage", names);
        Assert.All(names.Where(n => n != "APPLICATIONINSIGHTS_CONNECTION_STRING"), name =>
            Assert.DoesNotMatch("(?i)(key|password|secret|connectionstring|connection_string|sas)$", name));
    }

    [Fact]
    public void TheStorageAccountAcceptsOnlyEntraIdOverTls12()
    {
        var (account, scope) = DeclaredResources.Single("modules/storage.bicep", "Microsoft.Storage/storageAccounts");

        DeclaredResources.Expect(account, scope, false, "properties", "allowSharedKeyAccess");
        DeclaredResources.Expect(account, scope, true, "properties", "defaultToOAuthAuthentication");
        DeclaredResources.Expect(account, scope, false, "properties", "allowBlobPublicAccess");
        DeclaredResources.Expect(account, scope, "TLS1_2", "properties", "minimumTlsVersion");
        DeclaredResources.Expect(account, scope, true, "properties", "supportsHttpsTrafficOnly");
    }

    [Fact]
    public void CosmosDbHasLocalAuthenticationDisabled()
    {
        var (account, scope) = DeclaredResources.Single("modules/cosmos.bicep", "Microsoft.DocumentDB/databaseAccounts");

        DeclaredResources.Expect(account, scope, true, "properties", "disableLocalAuth");
        DeclaredResources.Expect(account, scope, true, "properties", "disableKeyBasedMetadataWriteAccess");
        DeclaredResources.Expect(account, scope, "Tls12", "properties", "minimalTlsVersion");
    }

    [Fact]
    public void ApplicationInsightsAcceptsOnlyEntraIdTelemetry()
    {
        var (component, scope) = DeclaredResources.Single("modules/monitoring.bicep", "Microsoft.Insights/components");

        DeclaredResources.Expect(component, scope, true, "properties", "DisableLocalAuth");
        Assert.NotNull(BicepObjects.Path(component.Body, "properties", "WorkspaceResourceId"));
    }

    [Fact]
    public void TheFunctionAppIsHttpsOnlyWithoutBasicAuthPublishing()
    {
        var (site, scope) = DeclaredResources.Single(FunctionAppSettings.ModulePath, "Microsoft.Web/sites");
        var policies = FunctionAppSettings.Template.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        DeclaredResources.Expect(site, scope, true, "properties", "httpsOnly");
        DeclaredResources.Expect(site, scope, "1.2", "properties", "siteConfig", "minTlsVersion");
        DeclaredResources.Expect(site, scope, "Disabled", "properties", "siteConfig", "ftpsState");
        Assert.Equal(
            ["ftp", "scm"],
            policies.Select(p => (string)scope.Evaluate(BicepObjects.Property(p.Body, "name")!)!).Order(StringComparer.Ordinal));
        Assert.All(policies, p => DeclaredResources.Expect(p, scope, false, "properties", "allow"));
    }
}
