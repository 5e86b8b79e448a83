using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>The app settings infra/modules/functionapp.bicep declares (the <c>sites/config</c> resource named appsettings).</summary>
public static class FunctionAppSettings
{
    public const string ModulePath = "modules/functionapp.bicep";

    public static BicepTemplate Template => BicepDeployment.Infrastructure.Template(ModulePath);

    public static BicepScope Scope => BicepDeployment.Infrastructure.ScopeOf(Template);

    /// <summary>Setting name to the expression of its value, in declaration order.</summary>
    public static IReadOnlyDictionary<string, BicepSyntaxNode> Declared()
    {
        var resources = Template.ResourcesOfType("Microsoft.Web/sites/config")
            .Where(r => BicepObjects.Property(r.Body, "name") is { } name && BicepObjects.StringLiteral(name) == "appsettings")
            .ToList();
        var resource = Assert.Single(resources);
        var properties = BicepObjects.Property(resource.Body, "properties");
        Assert.NotNull(properties);
        return BicepObjects.Properties(properties).ToDictionary(
            p => p.Key ?? throw new FormatException($"Computed app setting name at {p.Node.Location}."),
            p => p.Value!,
            StringComparer.Ordinal);
    }

    /// <summary>The value of a setting when it is declared and known before deployment (literals and parameters), else null.</summary>
    public static string? StaticValue(string name)
    {
        if (!Declared().TryGetValue(name, out var value))
        {
            return null;
        }

        return BicepExpressions.TryEvaluate(value, Scope, out var result) ? result as string ?? Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The app-setting form of a configuration key: <c>CosmosDb:Endpoint</c> is <c>CosmosDb__Endpoint</c>.</summary>
    public static string SettingName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);
}
