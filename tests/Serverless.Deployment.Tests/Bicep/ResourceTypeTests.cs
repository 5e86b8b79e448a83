using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Check 2 of 3: every resource uses a type and API version of ../shared/azure-types and sets only properties that
/// type defines (see <see cref="ResourcePropertyChecker"/> for what is and is not checked).
/// </summary>
public sealed class ResourceTypeTests
{
    private const string MisspeltStoragePropertySnippet = """
        resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
          name: 'stexample'
          location: 'westeurope'
          kind: 'StorageV2'
          sku: {
            name: 'Standard_LRS'
          }
          properties: {
            allowSharedKeyAcess: false
            minimumTlsVersion: 'TLS1_2'
          }
        }
        """;

    private const string MisspeltScalePropertySnippet = """
        resource app 'Microsoft.Web/sites@2024-11-01' = {
          name: 'func-example'
          location: 'westeurope'
          properties: {
            functionAppConfig: {
              scaleAndConcurrency: {
                maximumInstanceCount: 40
                instanceMemoryMb: 2048
              }
              runtime: {
                name: 'dotnet-isolated'
                version: '10.0'
              }
            }
          }
        }
        """;

    private const string UnknownApiVersionSnippet = """
        resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2018-11-30' = {
          name: 'id-example'
          location: 'westeurope'
        }
        """;

    private const string CosmosMistakesSnippet = """
        resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
          name: 'cosmos-example'
          location: 'westeurope'
          properties: {
            documentEndpoint: 'https://example.documents.azure.com/'
            locations: [
              {
                locationName: 'westeurope'
                failoverPriority: -1
              }
            ]
            disableLocalAuth: 'yes'
            consistencyPolicy: {
              defaultConsistencyLevel: 'Sometimes'
            }
          }
        }
        """;

    private const string SiteConfigVariantsSnippet = """
        resource app 'Microsoft.Web/sites@2024-11-01' existing = {
          name: 'func-example'
        }

        resource settings 'Microsoft.Web/sites/config@2024-11-01' = {
          parent: app
          name: 'appsettings'
          properties: {
            AnySettingName: 'any value'
          }
        }

        resource web 'Microsoft.Web/sites/config@2024-11-01' = {
          parent: app
          name: 'web'
          properties: {
            minTlsVersion: '1.2'
            minimumTlsVersion: '1.2'
          }
        }
        """;

    private const string LoopAndConditionSnippet = """
        param serverless bool = true

        resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' existing = {
          name: 'cosmos-example'
        }

        resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-10-15' = {
          parent: account
          name: 'marketing'
          properties: {
            resource: {
              id: 'marketing'
            }
            options: serverless ? {} : { autoscaleSetting: { maxThroughput: 1000 } }
          }
        }

        resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [for name in ['a', 'b']: {
          name: name
          properties: {
            metadata: {
              owner: 'marketing'
            }
            approximateMessageCount: 0
          }
        }]
        """;


    private const string SensitivePropertySnippet = """
        resource app 'Microsoft.Web/sites@2024-11-01' existing = {
          name: 'func-example'
        }

        resource mounts 'Microsoft.Web/sites/config@2024-11-01' = {
          parent: app
          name: 'azurestorageaccounts'
          properties: {
            share: {
              accountName: 'stexample'
              shareName: 'content'
              accessKey: 'not-a-real-key'
            }
          }
        }
        """;

    private static readonly ResourcePropertyChecker Checker = new(AzureTypeCatalog.Shared);

    private static readonly Lazy<IReadOnlyDictionary<string, BicepParsedFile>> Snippets = new(() => BicepCheckTool.ParseSnippets(typeof(ResourceTypeTests)));

    [Fact]
    public void EveryResourceUsesATypeAndApiVersionOfTheSharedDefinitions()
    {
        var resources = BicepDeployment.Infrastructure.Resources.ToList();
        Assert.NotEmpty(resources);

        var unknown = resources
            .Where(r => AzureTypeCatalog.Shared.FindResource(r.Resource.Type, r.Resource.ApiVersion) is null)
            .Select(r => $"{r.Template.File.RelativePath}: {r.Resource}")
            .ToList();
        Assert.True(unknown.Count == 0, "Not in ../shared/azure-types:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void EveryPropertySetIsDefinedByTheResourceType()
    {
        var violations = BicepCheckTool.Infrastructure.Files.SelectMany(Checker.Check).ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void AMisspeltPropertyIsReportedWithTheNameItMeant()
    {
        var violations = CheckSnippet(nameof(MisspeltStoragePropertySnippet));

        var violation = Assert.Single(violations);
        Assert.Equal("properties.allowSharedKeyAcess", violation.PropertyPath);
        Assert.Equal(9, violation.Line);
        Assert.Contains("did you mean 'allowSharedKeyAccess'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspeltPropertyDeepInsideFunctionAppConfigIsReported()
    {
        var violations = CheckSnippet(nameof(MisspeltScalePropertySnippet));

        var violation = Assert.Single(violations);
        Assert.Equal("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMb", violation.PropertyPath);
        Assert.Contains("'instanceMemoryMB'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnApiVersionThatIsNotInTheDefinitionsIsReportedWithTheAvailableOnes()
    {
        var violations = CheckSnippet(nameof(UnknownApiVersionSnippet));

        var violation = Assert.Single(violations);
        Assert.Contains("2018-11-30", violation.Message, StringComparison.Ordinal);
        Assert.Contains("2024-11-30", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOnlyMissingRequiredAndWrongLiteralsAreReported()
    {
        var violations = CheckSnippet(nameof(CosmosMistakesSnippet));

        Assert.Contains(violations, v => v.PropertyPath == "properties.documentEndpoint" && v.Message.Contains("read-only", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Message.Contains("required property 'databaseAccountOfferType'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.PropertyPath == "properties.locations[0].failoverPriority");
        Assert.Contains(violations, v => v.PropertyPath == "properties.disableLocalAuth" && v.Message.Contains("bool", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.PropertyPath == "properties.consistencyPolicy.defaultConsistencyLevel");
        Assert.Equal(5, violations.Count);
    }

    [Fact]
    public void TheVariantOfADiscriminatedTypeIsChosenByItsName()
    {
        var violations = CheckSnippet(nameof(SiteConfigVariantsSnippet));

        var violation = Assert.Single(violations);
        Assert.Equal("properties.minimumTlsVersion", violation.PropertyPath);
        Assert.Contains("did you mean 'minTlsVersion'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertiesInsideLoopsAndBothBranchesOfAConditionAreChecked()
    {
        var violations = CheckSnippet(nameof(LoopAndConditionSnippet));

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.PropertyPath == "properties.options.autoscaleSetting");
        Assert.Contains(violations, v => v.PropertyPath == "properties.approximateMessageCount" && v.Message.Contains("read-only", StringComparison.Ordinal));
    }

    [Fact]
    public void ASensitivePropertyInAMapOfObjectsIsReported()
    {
        var violations = CheckSnippet(nameof(SensitivePropertySnippet));

        var violation = Assert.Single(violations);
        Assert.Equal("properties.share.accessKey", violation.PropertyPath);
        Assert.Contains("sensitive", violation.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ResourceTypeViolation> CheckSnippet(string name)
    {
        var parsed = Snippets.Value[name];
        Assert.Empty(parsed.Errors);
        return Checker.Check(parsed);
    }
}
