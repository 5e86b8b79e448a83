namespace Serverless.Deployment.Tests.Bicep;

/// <summary>An expression that cannot be evaluated without deploying (a resource property, a module output, ...).</summary>
public sealed class BicepEvaluationException(string message) : Exception(message);
