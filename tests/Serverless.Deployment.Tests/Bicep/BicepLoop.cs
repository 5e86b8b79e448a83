namespace Serverless.Deployment.Tests.Bicep;

/// <summary>The <c>for item in collection</c> (or <c>for (item, index) in collection</c>) part of a loop.</summary>
public sealed record BicepLoop(string ItemVariable, string? IndexVariable, BicepSyntaxNode Collection);
