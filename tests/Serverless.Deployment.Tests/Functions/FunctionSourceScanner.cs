using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Serverless.Application.Hosting;

namespace Serverless.Deployment.Tests.Functions;

/// <summary>
/// Reads the functions declared in C# sources of the Functions app with Roslyn. The worker packages cannot be restored
/// here, so the sources are compiled against the runtime and Serverless.Application/Domain only: the worker's
/// attribute types stay unresolved, but constant arguments (<c>FunctionNames.X</c>, string literals) and the handler
/// types still bind, which is all the comparison needs.
/// </summary>
public static class FunctionSourceScanner
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    public static IReadOnlyList<DeclaredFunction> ScanDirectory(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(directory, path))
            .Select(path => (Path.GetRelativePath(directory, path), File.ReadAllText(path)));
        return Scan(files);
    }

    public static IReadOnlyList<DeclaredFunction> Scan(IEnumerable<(string Path, string Text)> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, path: s.Path)).ToList();
        var compilation = CSharpCompilation.Create("FunctionsScan", trees, References.Value);
        var functions = new List<DeclaredFunction>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                var functionAttribute = method.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => NameOf(a) == "Function");
                if (functionAttribute is null)
                {
                    continue;
                }

                var type = method.Ancestors().OfType<TypeDeclarationSyntax>().First();
                functions.Add(Describe(model, tree, type, method, functionAttribute));
            }
        }

        return functions;
    }

    private static DeclaredFunction Describe(
        SemanticModel model, SyntaxTree tree, TypeDeclarationSyntax type, MethodDeclarationSyntax method, AttributeSyntax functionAttribute)
    {
        var trigger = method.ParameterList.Parameters
            .SelectMany(p => p.AttributeLists.SelectMany(l => l.Attributes))
            .FirstOrDefault(a => NameOf(a).EndsWith("Trigger", StringComparison.Ordinal));
        var positional = trigger?.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList() ?? [];
        var named = trigger?.ArgumentList?.Arguments.Where(a => a.NameEquals is not null)
            .ToDictionary(a => a.NameEquals!.Name.Identifier.Text, a => a.Expression) ?? [];
        var triggerName = trigger is null ? null : NameOf(trigger);

        var handlerParameters = (type.ParameterList?.Parameters ?? [])
            .Select(p => p.Type is null ? null : model.GetTypeInfo(p.Type).Type)
            .Where(t => t is not null
                && t.TypeKind != TypeKind.Error
                && t.ContainingNamespace.ToDisplayString().StartsWith("Serverless.Application", StringComparison.Ordinal)
                && t.GetMembers("HandleAsync").Length > 0)
            .Select(t => t!.ToDisplayString())
            .ToList();
        var handlersCalled = method.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(i => i.Expression)
            .OfType<MemberAccessExpressionSyntax>()
            .Where(m => m.Name.Identifier.Text == "HandleAsync")
            .Select(m => model.GetTypeInfo(m.Expression).Type)
            .Where(t => t is not null && t.TypeKind != TypeKind.Error)
            .Select(t => t!.ToDisplayString())
            .Distinct()
            .ToList();

        return new DeclaredFunction
        {
            Name = Constant(model, functionAttribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression) ?? "<not a constant>",
            File = tree.FilePath,
            ClassName = type.Identifier.Text,
            TriggerAttribute = triggerName,
            AuthorizationLevel = triggerName == "HttpTrigger" && positional.Count > 0 ? MemberName(positional[0].Expression) : null,
            Methods = triggerName == "HttpTrigger" ? positional.Skip(1).Select(a => Constant(model, a.Expression) ?? "<not a constant>").ToList() : [],
            Route = triggerName == "HttpTrigger" && named.TryGetValue("Route", out var route) ? Constant(model, route) : null,
            QueueName = triggerName == "QueueTrigger" && positional.Count > 0 ? Constant(model, positional[0].Expression) : null,
            Connection = named.TryGetValue("Connection", out var connection) ? Constant(model, connection) : null,
            Schedule = triggerName == "TimerTrigger" && positional.Count > 0 ? Constant(model, positional[0].Expression) : null,
            HandlerParameters = handlerParameters,
            HandlersCalled = handlersCalled,
            FileLines = tree.GetText().Lines.Count,
        };
    }

    /// <summary>The attribute's simple name without the <c>Attribute</c> suffix or a namespace.</summary>
    private static string NameOf(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
            SimpleNameSyntax simple => simple.Identifier.Text,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }

    private static string? Constant(SemanticModel model, ExpressionSyntax? expression) =>
        expression is not null && model.GetConstantValue(expression) is { HasValue: true, Value: string text } ? text : null;

    /// <summary><c>AuthorizationLevel.Function</c> gives <c>Function</c> (the enum type is a worker type, unresolved here).</summary>
    private static string? MemberName(ExpressionSyntax expression) =>
        expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.Text : null;

    private static bool IsBuildOutput(string root, string path)
    {
        var first = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var product = new[] { typeof(FunctionCatalog).Assembly, typeof(Domain.Ports.QueueNames).Assembly }
            .Select(a => a.Location);
        return platform.Concat(product).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }
}
