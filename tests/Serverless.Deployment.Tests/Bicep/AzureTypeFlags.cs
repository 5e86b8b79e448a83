namespace Serverless.Deployment.Tests.Bicep;

/// <summary>Property flags of the Bicep type files (bicep-types TypePropertyFlags).</summary>
[Flags]
public enum AzureTypeFlags
{
    None = 0,
    Required = 1,
    ReadOnly = 2,
    WriteOnly = 4,
    DeployTimeConstant = 8,
    Identifier = 16,
}
