using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>Finds a resource of the infrastructure and asserts the values it sets.</summary>
public static class DeclaredResources
{
    /// <summary>The one resource of <paramref name="type"/> that infra/<paramref name="modulePath"/> deploys (not <c>existing</c>).</summary>
    public static (BicepResourceDeclaration Resource, BicepScope Scope) Single(string modulePath, string type)
    {
        var deployment = BicepDeployment.Infrastructure;
        var template = deployment.Template(modulePath);
        var resource = Assert.Single(template.ResourcesOfType(type), r => !r.IsExisting);
        return (resource, deployment.ScopeOf(template));
    }

    public static void Expect(BicepResourceDeclaration resource, BicepScope scope, object expected, params string[] path)
    {
        var actual = Value(resource, scope, path);
        Assert.True(Equals(expected, actual), $"{resource}: {string.Join(".", path)} is {actual ?? "null"}, expected {expected}.");
    }

    public static object? Value(BicepResourceDeclaration resource, BicepScope scope, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(scope);
        var node = BicepObjects.Path(resource.Body, path);
        Assert.True(node is not null, $"{resource} does not set {string.Join(".", path)}.");
        return scope.Evaluate(node);
    }
}
