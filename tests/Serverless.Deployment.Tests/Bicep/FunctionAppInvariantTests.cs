using System.Text.Json;
using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Check 3 (hosting): Flex Consumption with the .NET 10 isolated runtime, scale settings taken from the parameters,
/// a parameter file that fits main.bicep, and the outputs docs/deploy.md relies on.
/// </summary>
public sealed class FunctionAppInvariantTests
{
    [Fact]
    public void ThePlanIsFlexConsumption()
    {
        var (plan, scope) = DeclaredResources.Single(FunctionAppSettings.ModulePath, "Microsoft.Web/serverfarms");

        DeclaredResources.Expect(plan, scope, "FC1", "sku", "name");
        DeclaredResources.Expect(plan, scope, "FlexConsumption", "sku", "tier");
        DeclaredResources.Expect(plan, scope, true, "properties", "reserved");
    }

    [Fact]
    public void TheAppRunsTheDotnetIsolatedWorkerOnDotnet10()
    {
        var (site, scope) = DeclaredResources.Single(FunctionAppSettings.ModulePath, "Microsoft.Web/sites");

        DeclaredResources.Expect(site, scope, "dotnet-isolated", "properties", "functionAppConfig", "runtime", "name");
        DeclaredResources.Expect(site, scope, "10.0", "properties", "functionAppConfig", "runtime", "version");
        DeclaredResources.Expect(site, scope, "functionapp,linux", "kind");
    }

    [Fact]
    public void InstanceMemoryMaximumInstancesAndAlwaysReadyComeFromTheParameters()
    {
        var (site, scope) = DeclaredResources.Single(FunctionAppSettings.ModulePath, "Microsoft.Web/sites");
        var file = BicepDeployment.Infrastructure.ParameterFile;
        string[] scale = ["properties", "functionAppConfig", "scaleAndConcurrency"];

        DeclaredResources.Expect(site, scope, file["functionInstanceMemoryMB"].GetInt64(), [.. scale, "instanceMemoryMB"]);
        DeclaredResources.Expect(site, scope, file["functionMaximumInstanceCount"].GetInt64(), [.. scale, "maximumInstanceCount"]);
        var alwaysReady = DeclaredResources.Value(site, scope, [.. scale, "alwaysReady"]);
        Assert.Equal(file["functionAlwaysReady"].GetArrayLength(), Assert.IsType<List<object?>>(alwaysReady).Count);
    }

    [Fact]
    public void TheParameterFileSetsOnlyDeclaredParametersWithAllowedValues()
    {
        var deployment = BicepDeployment.Infrastructure;
        var parameters = deployment.Main.Parameters;
        var scope = deployment.ScopeOf(deployment.Main);

        Assert.All(deployment.ParameterFile.Keys, name => Assert.True(parameters.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare."));
        Assert.All(parameters.Values.Where(p => p.DefaultValue is null), p => Assert.True(
            deployment.ParameterFile.ContainsKey(p.Name), $"main.bicep parameter {p.Name} has no default and main.parameters.json does not set it."));
        foreach (var parameter in parameters.Values)
        {
            if (!BicepExpressions.TryEvaluate(parameter.Node.Children.First(), scope, out var value))
            {
                continue;
            }

            AssertFitsDecorators(parameter, value, scope);
        }
    }

    [Fact]
    public void TheOutputsNameTheAppItsEndpointsAndTheIdentity()
    {
        var outputs = BicepDeployment.Infrastructure.Main.Outputs.Keys;

        foreach (var name in new[]
                 {
                     "functionAppName", "functionAppDefaultHostName", "storageBlobEndpoint", "storageQueueEndpoint",
                     "cosmosEndpoint", "identityClientId", "applicationInsightsName",
                 })
        {
            Assert.Contains(name, outputs);
        }
    }

    [Fact]
    public void CosmosCapacityModeIsAParameterWithServerlessAndAutoscale()
    {
        var deployment = BicepDeployment.Infrastructure;
        var parameter = deployment.Main.Parameters["cosmosCapacityMode"];
        var scope = deployment.ScopeOf(deployment.Main);

        Assert.Equal(new List<object?> { "Serverless", "Autoscale" }, scope.Evaluate(parameter.DecoratorArgument("allowed")!));
        var (account, cosmosScope) = DeclaredResources.Single("modules/cosmos.bicep", "Microsoft.DocumentDB/databaseAccounts");
        var capabilities = (List<object?>)DeclaredResources.Value(account, cosmosScope, "properties", "capabilities")!;
        var serverless = capabilities.Cast<Dictionary<string, object?>>().Any(c => Equals(c["name"], "EnableServerless"));
        Assert.Equal(Equals(scope.Lookup("cosmosCapacityMode", parameter.Node), "Serverless"), serverless);
    }

    private static void AssertFitsDecorators(BicepParameter parameter, object? value, BicepScope scope)
    {
        if (parameter.DecoratorArgument("allowed") is { } allowed)
        {
            var values = (List<object?>)scope.Evaluate(allowed)!;
            Assert.True(values.Contains(value), $"{parameter.Name} = {value} is not one of {string.Join(", ", values)}.");
        }

        if (value is long number)
        {
            if (parameter.DecoratorArgument("minValue") is { } min)
            {
                Assert.True(number >= (long)scope.Evaluate(min)!, $"{parameter.Name} = {number} is below its @minValue.");
            }

            if (parameter.DecoratorArgument("maxValue") is { } max)
            {
                Assert.True(number <= (long)scope.Evaluate(max)!, $"{parameter.Name} = {number} is above its @maxValue.");
            }
        }

        if (value is string text)
        {
            if (parameter.DecoratorArgument("minLength") is { } min)
            {
                Assert.True(text.Length >= (long)scope.Evaluate(min)!, $"{parameter.Name} = '{text}' is shorter than its @minLength.");
            }

            if (parameter.DecoratorArgument("maxLength") is { } max)
            {
                Assert.True(text.Length <= (long)scope.Evaluate(max)!, $"{parameter.Name} = '{text}' is longer than its @maxLength.");
            }
        }
    }
}
