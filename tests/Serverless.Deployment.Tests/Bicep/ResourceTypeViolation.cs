namespace Serverless.Deployment.Tests.Bicep;

/// <summary>Something a resource declaration sets that its type definition does not allow.</summary>
public sealed record ResourceTypeViolation(string File, int Line, int Column, string Resource, string PropertyPath, string Message)
{
    public override string ToString() =>
        $"{File} line {Line}, column {Column}: {Resource}{(PropertyPath.Length > 0 ? " " + PropertyPath : "")}: {Message}";
}
