using System.Text.Json;
using Serverless.Testing;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// infra/main.bicep with infra/main.parameters.json and the modules it calls: the scope of each template holds the
/// values the deployment gives its parameters (parameter file, else default; for a module, what its caller passes).
/// </summary>
public sealed class BicepDeployment
{
    private static readonly Lazy<BicepDeployment> InfrastructureDeployment = new(() => Load(
        BicepCheckTool.Infrastructure,
        Path.Combine(BicepCheckTool.InfrastructureFolder, "main.bicep"),
        Path.Combine(BicepCheckTool.InfrastructureFolder, "main.parameters.json")));

    private readonly Dictionary<string, BicepScope> _scopes = new(StringComparer.Ordinal);

    private BicepDeployment(BicepTemplate main, IReadOnlyList<BicepTemplate> templates, IReadOnlyDictionary<string, JsonElement> parameterFile)
    {
        Main = main;
        Templates = templates;
        ParameterFile = parameterFile;
        var mainValues = parameterFile.ToDictionary(p => p.Key, p => (Func<object?>)(() => FromJson(p.Value)), StringComparer.Ordinal);
        _scopes[main.File.Path] = new BicepScope(main, mainValues);
    }

    /// <summary>The repository's infrastructure (infra/main.bicep, its parameter file and modules).</summary>
    public static BicepDeployment Infrastructure => InfrastructureDeployment.Value;

    public BicepTemplate Main { get; }

    /// <summary>Every parsed template: main.bicep and the modules.</summary>
    public IReadOnlyList<BicepTemplate> Templates { get; }

    /// <summary>The <c>parameters</c> of the parameter file: name to its <c>value</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> ParameterFile { get; }

    public IEnumerable<(BicepTemplate Template, BicepResourceDeclaration Resource)> Resources =>
        Templates.SelectMany(t => t.Resources.Select(r => (t, r)));

    public static BicepDeployment Load(BicepParseOutput output, string mainPath, string parametersPath)
    {
        ArgumentNullException.ThrowIfNull(output);
        var templates = output.Files.Select(BicepTemplate.From).ToList();
        var main = templates.SingleOrDefault(t => t.File.Path == Path.GetFullPath(mainPath))
            ?? throw new ArgumentException($"{mainPath} was not parsed.", nameof(mainPath));

        using var document = JsonDocument.Parse(File.ReadAllText(parametersPath));
        var parameters = document.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value").Clone(), StringComparer.Ordinal);
        return new BicepDeployment(main, templates, parameters);
    }

    /// <summary>The template at infra/<paramref name="relativePath"/> (e.g. <c>modules/cosmos.bicep</c>).</summary>
    public BicepTemplate Template(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(BicepCheckTool.InfrastructureFolder, relativePath));
        return Templates.SingleOrDefault(t => t.File.Path == path)
            ?? throw new ArgumentException($"infra/{relativePath} is not part of the deployment.", nameof(relativePath));
    }

    /// <summary>The scope of <paramref name="template"/> as deployed: for a module, the one call to it.</summary>
    public BicepScope ScopeOf(BicepTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        lock (_scopes)
        {
            return ScopeOfLocked(template);
        }
    }

    private BicepScope ScopeOfLocked(BicepTemplate template)
    {
        if (_scopes.TryGetValue(template.File.Path, out var known))
        {
            return known;
        }

        var calls = (
            from caller in Templates
            from module in caller.Modules
            where Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller.File.Path)!, module.Path)) == template.File.Path
            select (caller, module)).ToList();
        if (calls.Count != 1)
        {
            throw new InvalidOperationException($"{template.File.RelativePath} is called {calls.Count} times; a single call is needed to know its parameter values.");
        }

        var (callerTemplate, call) = calls[0];
        var callerScope = ScopeOfLocked(callerTemplate);
        var values = call.Params is null
            ? new Dictionary<string, Func<object?>>()
            : BicepObjects.Properties(call.Params).ToDictionary(
                p => p.Key ?? throw new FormatException($"Computed module parameter name at {p.Node.Location}."),
                p => (Func<object?>)(() => callerScope.Evaluate(p.Value!)),
                StringComparer.Ordinal);
        var scope = new BicepScope(template, values);
        _scopes[template.File.Path] = scope;
        return scope;
    }

    /// <summary>Evaluates a resource's <c>name</c> once per item of its loop (once when it has no loop).</summary>
    public IReadOnlyList<object?> EvaluatePerInstance(BicepTemplate template, BicepResourceDeclaration resource, BicepSyntaxNode expression)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var scope = ScopeOf(template);
        if (resource.Loop is null)
        {
            return [scope.Evaluate(expression)];
        }

        var items = scope.Evaluate(resource.Loop.Collection) as List<object?>
            ?? throw new BicepEvaluationException($"{template.File.RelativePath} {resource.Node.Location}: the loop does not run over an array.");
        return items.Select((item, index) =>
        {
            var itemScope = scope.WithLocal(resource.Loop.ItemVariable, item);
            if (resource.Loop.IndexVariable is { } indexVariable)
            {
                itemScope = itemScope.WithLocal(indexVariable, (long)index);
            }

            return itemScope.Evaluate(expression);
        }).ToList();
    }

    private static object? FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Array => value.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        _ => throw new FormatException($"Unexpected JSON value {value}."),
    };
}
