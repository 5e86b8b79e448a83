using System.Text.Json;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// One entry of a types.json file of ../shared/azure-types (Azure/bicep-types-az): <c>$type</c> is ObjectType,
/// DiscriminatedObjectType, UnionType, ArrayType, StringType, StringLiteralType, IntegerType, BooleanType, AnyType or
/// ResourceType; references to other entries are <c>{"$ref": "#/index"}</c> within the same file.
/// </summary>
public sealed class AzureType
{
    private readonly JsonElement[] _file;

    internal AzureType(JsonElement[] file, int index)
    {
        _file = file;
        Element = file[index];
        Kind = Element.GetProperty("$type").GetString()!;
    }

    public JsonElement Element { get; }

    public string Kind { get; }

    public string Name => Element.TryGetProperty("name", out var name) ? name.GetString()! : Kind;

    /// <summary>ObjectType: the declared properties (DiscriminatedObjectType: the base properties).</summary>
    public IReadOnlyDictionary<string, AzureTypeProperty> Properties =>
        ReadProperties(Kind == "DiscriminatedObjectType" ? "baseProperties" : "properties");

    /// <summary>ObjectType: the type of any other key (maps such as tags), or null when other keys are not allowed.</summary>
    public AzureType? AdditionalProperties =>
        Element.TryGetProperty("additionalProperties", out var reference) ? Resolve(reference) : null;

    /// <summary>ResourceType: the body; ArrayType: the item type.</summary>
    public AzureType Body => Resolve(Element.GetProperty("body"));

    public AzureType ItemType => Resolve(Element.GetProperty("itemType"));

    /// <summary>UnionType: the member types.</summary>
    public IReadOnlyList<AzureType> Elements => Element.GetProperty("elements").EnumerateArray().Select(Resolve).ToList();

    /// <summary>DiscriminatedObjectType: the property that selects the variant.</summary>
    public string Discriminator => Element.GetProperty("discriminator").GetString()!;

    /// <summary>DiscriminatedObjectType: discriminator value to variant (an ObjectType).</summary>
    public IReadOnlyDictionary<string, AzureType> Variants =>
        Element.GetProperty("elements").EnumerateObject().ToDictionary(e => e.Name, e => Resolve(e.Value), StringComparer.Ordinal);

    /// <summary>StringLiteralType: the one value allowed.</summary>
    public string LiteralValue => Element.GetProperty("value").GetString()!;

    /// <summary>StringType marked sensitive (passwords, keys): a value must never be written in a template.</summary>
    public bool IsSensitive => Element.TryGetProperty("sensitive", out var sensitive) && sensitive.GetBoolean();

    public long? MinValue => Element.TryGetProperty("minValue", out var value) ? value.GetInt64() : null;

    public long? MaxValue => Element.TryGetProperty("maxValue", out var value) ? value.GetInt64() : null;

    public override string ToString() => Kind == "StringLiteralType" ? $"'{LiteralValue}'" : Name;

    private IReadOnlyDictionary<string, AzureTypeProperty> ReadProperties(string member)
    {
        if (!Element.TryGetProperty(member, out var properties))
        {
            return new Dictionary<string, AzureTypeProperty>();
        }

        return properties.EnumerateObject().ToDictionary(
            p => p.Name,
            p => new AzureTypeProperty(
                p.Name,
                Resolve(p.Value.GetProperty("type")),
                p.Value.TryGetProperty("flags", out var flags) ? (AzureTypeFlags)flags.GetInt32() : AzureTypeFlags.None),
            StringComparer.Ordinal);
    }

    private AzureType Resolve(JsonElement reference)
    {
        var target = reference.GetProperty("$ref").GetString()!;
        if (!target.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Reference '{target}' leaves its types.json file.");
        }

        return new AzureType(_file, int.Parse(target[2..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
