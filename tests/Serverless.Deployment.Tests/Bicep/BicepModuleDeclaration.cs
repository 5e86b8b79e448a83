namespace Serverless.Deployment.Tests.Bicep;

/// <summary>A <c>module symbol 'path' = { name: ..., params: { ... } }</c> declaration.</summary>
public sealed record BicepModuleDeclaration(string Symbol, string Path, BicepSyntaxNode Body, BicepSyntaxNode Node)
{
    /// <summary>The <c>params</c> object literal, when the module takes parameters.</summary>
    public BicepSyntaxNode? Params => BicepObjects.Property(Body, "params");
}
