namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// A <c>resource symbol 'Type@version' [existing] = value</c> declaration, where value is an object, a loop
/// <c>[for item in collection: object]</c> or a condition <c>if (...) object</c>. A resource nested in another's body
/// (<c>resource child 'childType' = ...</c>) gets its parent's type and version prefixed.
/// </summary>
public sealed class BicepResourceDeclaration
{
    public required BicepSyntaxNode Node { get; init; }

    public required string Symbol { get; init; }

    /// <summary>The full resource type, e.g. <c>Microsoft.Storage/storageAccounts/queueServices/queues</c>.</summary>
    public required string Type { get; init; }

    public required string ApiVersion { get; init; }

    /// <summary>A reference to a resource deployed elsewhere: its body names it, it declares nothing.</summary>
    public required bool IsExisting { get; init; }

    /// <summary>The object literal that declares the resource (the loop's or the condition's object when there is one).</summary>
    public required BicepSyntaxNode Body { get; init; }

    /// <summary>Set for <c>[for ... in ...: ...]</c> declarations.</summary>
    public BicepLoop? Loop { get; init; }

    public string TypeReference => $"{Type}@{ApiVersion}";

    public override string ToString() => $"resource '{Symbol}' ({TypeReference}) at {Node.Location}";
}
