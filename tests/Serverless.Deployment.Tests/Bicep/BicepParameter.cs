namespace Serverless.Deployment.Tests.Bicep;

/// <summary>A <c>param name type [= default]</c> declaration with the decorators written above it.</summary>
public sealed record BicepParameter(string Name, string TypeText, BicepSyntaxNode? DefaultValue, IReadOnlyList<BicepSyntaxNode> Decorators, BicepSyntaxNode Node)
{
    /// <summary>The call of decorator <paramref name="name"/> (<c>@allowed([...])</c>, <c>@minValue(1)</c>, ...), or null.</summary>
    public BicepSyntaxNode? Decorator(string name) =>
        Decorators.FirstOrDefault(d => d.FieldChild("function")?.Text == name);

    /// <summary>The single argument of decorator <paramref name="name"/>, or null when the parameter does not have it.</summary>
    public BicepSyntaxNode? DecoratorArgument(string name) =>
        Decorator(name)?.FieldChild("arguments")?.Children.Single();
}
