namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Checks resource declarations against the type definitions of <see cref="AzureTypeCatalog"/>, like the Bicep
/// compiler's type checker does for the parts it can see without deploying:
/// <list type="bullet">
/// <item>the <c>Type@apiVersion</c> exists;</item>
/// <item>every key of every object literal is a property of the expected type (or the type takes additional keys),
/// recursively through nested objects, arrays of objects, loops and both branches of <c>?:</c>; discriminated types
/// (sites/config by <c>name</c>, ...) pick the variant from the literal discriminator;</item>
/// <item>no read-only property and no sensitive (secret) property is set; every required property of an object
/// literal is present;</item>
/// <item>a literal value (string, number, bool, object, array) has the kind the type expects, a string literal is one
/// of a closed set of allowed values, an integer literal is within the declared range.</item>
/// </list>
/// It does not check values computed by expressions (parameters, function calls, resource references), string
/// lengths or patterns, parameters against their decorators, module inputs/outputs, scopes, or whether a property
/// is valid for a given combination of other values (e.g. a SKU): only the compiler and ARM do.
/// </summary>
public sealed class ResourcePropertyChecker(AzureTypeCatalog catalog)
{
    /// <summary>Keys of a resource body that are Bicep syntax, not properties of the resource type.</summary>
    private static readonly HashSet<string> BicepResourceKeywords = new(StringComparer.Ordinal) { "parent", "scope", "dependsOn" };

    public IReadOnlyList<ResourceTypeViolation> Check(BicepParsedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var template = BicepTemplate.From(file);
        return [.. template.Resources.SelectMany(r => Check(file, r))];
    }

    public IReadOnlyList<ResourceTypeViolation> Check(BicepParsedFile file, BicepResourceDeclaration resource)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(resource);
        var context = new Context(file.RelativePath, resource.ToString().Split(" at ")[0]);
        var resourceType = catalog.FindResource(resource.Type, resource.ApiVersion);
        if (resourceType is null)
        {
            var versions = catalog.VersionsOf(resource.Type);
            context.Add(resource.Node, "", versions.Count == 0
                ? $"the type {resource.Type} is not in {catalog.Folder}"
                : $"API version {resource.ApiVersion} of {resource.Type} is not in {catalog.Folder} (available: {string.Join(", ", versions)})");
            return context.Violations;
        }

        // An existing resource only names what is deployed elsewhere.
        if (!resource.IsExisting)
        {
            CheckObject(resource.Body, resourceType.Body, "", context, isResourceBody: true);
        }

        return context.Violations;
    }

    private static void CheckValue(BicepSyntaxNode value, AzureType type, string path, Context context)
    {
        switch (value.Type)
        {
            case "parenthesized_expression":
                CheckValue(value.Children.Single(), type, path, context);
                return;
            case "ternary_expression":
                CheckValue(value.FieldChild("consequence")!, type, path, context);
                CheckValue(value.FieldChild("alternative")!, type, path, context);
                return;
        }

        switch (type.Kind)
        {
            case "AnyType":
                return;
            case "UnionType":
                CheckUnion(value, type, path, context);
                return;
            case "ObjectType":
            case "DiscriminatedObjectType":
                if (value.Type == "object")
                {
                    CheckObject(value, type, path, context, isResourceBody: false);
                }
                else
                {
                    RejectLiteralKind(value, type, path, context);
                }

                return;
            case "ArrayType":
                if (value.Type == "array")
                {
                    var items = value.Children.Where(c => c.Type != "decorators").ToList();
                    for (var i = 0; i < items.Count; i++)
                    {
                        CheckValue(items[i], type.ItemType, $"{path}[{i}]", context);
                    }
                }
                else if (value.Type == "for_statement")
                {
                    var body = value.FieldChild("body")!;
                    CheckValue(body.Type == "if_statement" ? body.FirstChild("object")! : body, type.ItemType, $"{path}[for]", context);
                }
                else
                {
                    RejectLiteralKind(value, type, path, context);
                }

                return;
            default:
                if (!AcceptsLiteral(value, type))
                {
                    context.Add(value, path, $"{Describe(value)} where {Expected(type)} is expected");
                }

                return;
        }
    }

    private static void CheckUnion(BicepSyntaxNode value, AzureType union, string path, Context context)
    {
        var members = union.Elements;
        if (members.Any(m => m.Kind == "AnyType"))
        {
            return;
        }

        if (value.Type is "object" or "array" or "for_statement")
        {
            var structured = members.Where(m => value.Type == "object"
                ? m.Kind is "ObjectType" or "DiscriminatedObjectType"
                : m.Kind == "ArrayType").ToList();
            if (structured.Count == 1)
            {
                CheckValue(value, structured[0], path, context);
            }
            else if (structured.Count == 0)
            {
                context.Add(value, path, $"{Describe(value)} where {Expected(union)} is expected");
            }

            // Several object variants without a discriminator: the names cannot be attributed to one; not checked.
            return;
        }

        if (!IsLiteral(value) || members.Any(m => AcceptsLiteral(value, m)))
        {
            return;
        }

        context.Add(value, path, $"{Describe(value)} is not one of {Expected(union)}");
    }

    private static void CheckObject(BicepSyntaxNode value, AzureType type, string path, Context context, bool isResourceBody)
    {
        if (type.Kind == "DiscriminatedObjectType")
        {
            var discriminator = BicepObjects.Property(value, type.Discriminator);
            var selected = discriminator is null ? null : BicepObjects.StringLiteral(discriminator);
            var variants = type.Variants;
            if (selected is null || !variants.TryGetValue(selected, out var variant))
            {
                context.Add(value, path, selected is null
                    ? $"{type.Name} is chosen by a literal '{type.Discriminator}' ({string.Join(", ", variants.Keys)})"
                    : $"'{selected}' is not a {type.Discriminator} of {type.Name} ({string.Join(", ", variants.Keys)})");
                return;
            }

            var merged = new Dictionary<string, AzureTypeProperty>(type.Properties, StringComparer.Ordinal);
            foreach (var (name, property) in variant.Properties)
            {
                merged[name] = property;
            }

            CheckProperties(value, variant.Name, merged, variant.AdditionalProperties, path, context, isResourceBody);
            return;
        }

        CheckProperties(value, type.Name, type.Properties, type.AdditionalProperties, path, context, isResourceBody);
    }

    private static void CheckProperties(
        BicepSyntaxNode value,
        string typeName,
        IReadOnlyDictionary<string, AzureTypeProperty> properties,
        AzureType? additional,
        string path,
        Context context,
        bool isResourceBody)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in BicepObjects.Properties(value))
        {
            if (entry.NestedResource is not null)
            {
                if (!isResourceBody)
                {
                    context.Add(entry.Node, path, "a resource declaration inside a property value");
                }

                continue;
            }

            var key = entry.Key;
            var childPath = path.Length == 0 ? key ?? "[computed key]" : $"{path}.{key ?? "[computed key]"}";
            if (key is not null && isResourceBody && BicepResourceKeywords.Contains(key))
            {
                continue;
            }

            if (key is not null && properties.TryGetValue(key, out var property))
            {
                present.Add(key);
                if (property.IsReadOnly)
                {
                    context.Add(entry.Node, childPath, $"'{key}' is read-only on {typeName}");
                }
                else if (property.Type.Kind == "StringType" && property.Type.IsSensitive)
                {
                    context.Add(entry.Node, childPath, $"'{key}' is a sensitive (secret) property of {typeName}; secrets do not belong in templates");
                }

                CheckValue(entry.Value!, property.Type, childPath, context);
                continue;
            }

            if (additional is not null)
            {
                CheckValue(entry.Value!, additional, childPath, context);
                continue;
            }

            if (key is null)
            {
                context.Add(entry.Node, childPath, $"a computed key on {typeName}, which allows only its declared properties");
                continue;
            }

            var wrongCase = properties.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            var suggestion = wrongCase ?? Closest(key, properties.Values.Where(p => !p.IsReadOnly).Select(p => p.Name));
            context.Add(entry.Node, childPath,
                $"'{key}' is not a property of {typeName}{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}");
        }

        foreach (var required in properties.Values.Where(p => p.IsRequired && !p.IsReadOnly && !present.Contains(p.Name)))
        {
            context.Add(value, path, $"required property '{required.Name}' of {typeName} is missing");
        }
    }

    private static void RejectLiteralKind(BicepSyntaxNode value, AzureType type, string path, Context context)
    {
        if (IsLiteral(value) || value.Type is "object" or "array")
        {
            context.Add(value, path, $"{Describe(value)} where {Expected(type)} is expected");
        }
    }

    private static bool IsLiteral(BicepSyntaxNode value) =>
        value.Type is "number" or "boolean" or "null"
        || (value.Type == "string" && BicepObjects.StringLiteral(value) is not null)
        || (value.Type == "unary_expression" && value.HasToken("-") && value.FieldChild("argument")?.Type == "number");

    /// <summary>Whether a value fits a primitive type; expressions (not literals) are accepted unchecked.</summary>
    private static bool AcceptsLiteral(BicepSyntaxNode value, AzureType type)
    {
        if (value.Type is "object" or "array" or "for_statement")
        {
            return type.Kind switch
            {
                "AnyType" => true,
                "ObjectType" or "DiscriminatedObjectType" => value.Type == "object",
                "ArrayType" => value.Type != "object",
                _ => false,
            };
        }

        if (!IsLiteral(value))
        {
            return true;
        }

        return type.Kind switch
        {
            "AnyType" => true,
            "StringType" => value.Type == "string",
            "StringLiteralType" => value.Type == "string" && BicepObjects.StringLiteral(value) == type.LiteralValue,
            "BooleanType" => value.Type == "boolean",
            "IntegerType" => IntegerValue(value) is { } number
                && (type.MinValue is not { } min || number >= min)
                && (type.MaxValue is not { } max || number <= max),
            "UnionType" => type.Elements.Any(e => AcceptsLiteral(value, e)),
            "NullType" => value.Type == "null",
            _ => false,
        };
    }

    private static long? IntegerValue(BicepSyntaxNode value) => value.Type switch
    {
        "number" => long.Parse(value.Text!, System.Globalization.CultureInfo.InvariantCulture),
        "unary_expression" => -long.Parse(value.FieldChild("argument")!.Text!, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Describe(BicepSyntaxNode value) => value.Type switch
    {
        "string" => $"the string '{BicepObjects.StringLiteral(value)}'",
        "number" or "unary_expression" => $"the number {IntegerValue(value)}",
        "boolean" => $"the bool {value.Text}",
        "null" => "null",
        "object" => "an object",
        "array" or "for_statement" => "an array",
        _ => value.Type,
    };

    private static string Expected(AzureType type) => type.Kind switch
    {
        "UnionType" => string.Join(" | ", type.Elements.Select(Expected)),
        "StringLiteralType" => $"'{type.LiteralValue}'",
        "StringType" => "string",
        "IntegerType" => type.MinValue is null && type.MaxValue is null ? "int" : $"int {{{type.MinValue}..{type.MaxValue}}}",
        "BooleanType" => "bool",
        "ArrayType" => $"{Expected(type.ItemType)}[]",
        _ => type.Name,
    };

    private static string? Closest(string key, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Levenshtein(key.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, key.Length / 4) ? best.Name : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private sealed class Context(string file, string resource)
    {
        public List<ResourceTypeViolation> Violations { get; } = [];

        public void Add(BicepSyntaxNode at, string path, string message) =>
            Violations.Add(new ResourceTypeViolation(file, at.Line, at.Column, resource, path, message));
    }
}
