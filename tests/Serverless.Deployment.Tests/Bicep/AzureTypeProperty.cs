namespace Serverless.Deployment.Tests.Bicep;

/// <summary>A property of an object type: its name, type and flags.</summary>
public sealed record AzureTypeProperty(string Name, AzureType Type, AzureTypeFlags Flags)
{
    public bool IsRequired => Flags.HasFlag(AzureTypeFlags.Required);

    public bool IsReadOnly => Flags.HasFlag(AzureTypeFlags.ReadOnly);
}
