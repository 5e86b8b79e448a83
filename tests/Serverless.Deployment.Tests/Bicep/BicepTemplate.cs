namespace Serverless.Deployment.Tests.Bicep;

/// <summary>The declarations of one parsed Bicep file: parameters, variables, resources, modules and outputs.</summary>
public sealed class BicepTemplate
{
    private BicepTemplate(BicepParsedFile file)
    {
        File = file;
        var parameters = new Dictionary<string, BicepParameter>(StringComparer.Ordinal);
        var variables = new Dictionary<string, BicepSyntaxNode>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, BicepSyntaxNode>(StringComparer.Ordinal);
        var resources = new List<BicepResourceDeclaration>();
        var modules = new List<BicepModuleDeclaration>();

        BicepSyntaxNode? decorators = null;
        foreach (var statement in file.Tree.Children)
        {
            switch (statement.Type)
            {
                case "decorators":
                    decorators = statement;
                    continue;
                case "parameter_declaration":
                    var parameter = ReadParameter(statement, decorators);
                    parameters.Add(parameter.Name, parameter);
                    break;
                case "variable_declaration":
                    var variableParts = statement.Children.ToList();
                    variables.Add(variableParts[0].Text!, variableParts[1]);
                    break;
                case "output_declaration":
                    var outputParts = statement.Children.ToList();
                    outputs.Add(outputParts[0].Text!, outputParts[^1]);
                    break;
                case "resource_declaration":
                    AddResource(resources, statement, parent: null);
                    break;
                case "module_declaration":
                    var moduleParts = statement.Children.ToList();
                    modules.Add(new BicepModuleDeclaration(
                        moduleParts[0].Text!,
                        BicepObjects.StringLiteral(moduleParts[1]) ?? throw new FormatException($"Module path at {statement.Location} is not a literal."),
                        DeclaredObject(moduleParts[2]).Body,
                        statement));
                    break;
            }

            decorators = null;
        }

        Parameters = parameters;
        Variables = variables;
        Outputs = outputs;
        Resources = resources;
        Modules = modules;
    }

    public BicepParsedFile File { get; }

    public IReadOnlyDictionary<string, BicepParameter> Parameters { get; }

    public IReadOnlyDictionary<string, BicepSyntaxNode> Variables { get; }

    public IReadOnlyDictionary<string, BicepSyntaxNode> Outputs { get; }

    /// <summary>Every resource declaration, nested ones included, in source order.</summary>
    public IReadOnlyList<BicepResourceDeclaration> Resources { get; }

    public IReadOnlyList<BicepModuleDeclaration> Modules { get; }

    public static BicepTemplate From(BicepParsedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Errors.Count > 0)
        {
            throw new InvalidOperationException($"{file.RelativePath} has syntax errors: {string.Join("; ", file.Errors)}");
        }

        return new BicepTemplate(file);
    }

    public IEnumerable<BicepResourceDeclaration> ResourcesOfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    private static BicepParameter ReadParameter(BicepSyntaxNode statement, BicepSyntaxNode? decorators)
    {
        var parts = statement.Children.ToList();
        var calls = decorators?.Children.Select(d => d.Children.Single()).ToList() ?? [];
        var type = parts[1];
        var typeText = type.Text ?? string.Join(" ", type.Descendants().Where(d => d.Text is not null).Select(d => d.Text));
        return new BicepParameter(parts[0].Text!, typeText, parts.Count > 2 ? parts[2] : null, calls, statement);
    }

    private static void AddResource(List<BicepResourceDeclaration> resources, BicepSyntaxNode statement, BicepResourceDeclaration? parent)
    {
        var parts = statement.Children.ToList();
        var typeText = BicepObjects.StringLiteral(parts[1]) ?? throw new FormatException($"Resource type at {statement.Location} is not a literal.");
        string type;
        string version;
        var at = typeText.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            type = typeText[..at];
            version = typeText[(at + 1)..];
        }
        else
        {
            // A nested resource may give only its child type and inherit the parent's version.
            type = typeText;
            version = parent?.ApiVersion ?? throw new FormatException($"Resource type '{typeText}' at {statement.Location} has no API version.");
        }

        if (parent is not null && !type.Contains('/', StringComparison.Ordinal))
        {
            type = $"{parent.Type}/{type}";
        }

        var (body, loop) = DeclaredObject(parts[2]);
        var resource = new BicepResourceDeclaration
        {
            Node = statement,
            Symbol = parts[0].Text!,
            Type = type,
            ApiVersion = version,
            IsExisting = statement.HasToken("existing"),
            Body = body,
            Loop = loop,
        };
        resources.Add(resource);
        foreach (var nested in BicepObjects.Properties(body).Where(p => p.NestedResource is not null))
        {
            AddResource(resources, nested.NestedResource!, resource);
        }
    }

    /// <summary>The object literal of a declaration's value: itself, a loop's body, or a condition's object.</summary>
    private static (BicepSyntaxNode Body, BicepLoop? Loop) DeclaredObject(BicepSyntaxNode value)
    {
        switch (value.Type)
        {
            case "object":
                return (value, null);
            case "if_statement":
                return (value.FirstChild("object") ?? throw new FormatException($"Condition without object at {value.Location}."), null);
            case "for_statement":
                var body = value.FieldChild("body") ?? throw new FormatException($"Loop without body at {value.Location}.");
                var (inner, _) = DeclaredObject(body);
                return (inner, ReadLoop(value));
            default:
                throw new FormatException($"Unexpected declaration value {value}.");
        }
    }

    private static BicepLoop ReadLoop(BicepSyntaxNode loop)
    {
        var initializer = loop.FieldChild("initializer");
        var parameters = loop.FirstChild("for_loop_parameters");
        var collection = loop.Children.First(c => c.Field is null && c.Type != "for_loop_parameters");
        if (initializer is not null)
        {
            return new BicepLoop(initializer.Text!, null, collection);
        }

        if (parameters is null)
        {
            throw new FormatException($"Loop without variable at {loop.Location}.");
        }

        var item = parameters.FirstChild("loop_variable")?.Text ?? throw new FormatException($"Loop without item variable at {loop.Location}.");
        var index = parameters.FirstChild("loop_enumerator")?.Text;
        return new BicepLoop(item, index, collection);
    }
}
