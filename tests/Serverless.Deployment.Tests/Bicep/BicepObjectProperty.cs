namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// One <c>key: value</c> entry of an object literal. <see cref="Key"/> is null when the key is computed
/// (<c>'${expression}': value</c>); <see cref="NestedResource"/> is set instead of a value for a resource declared
/// inside another resource's body.
/// </summary>
public sealed record BicepObjectProperty(string? Key, BicepSyntaxNode Node, BicepSyntaxNode? Value, BicepSyntaxNode? NestedResource);
