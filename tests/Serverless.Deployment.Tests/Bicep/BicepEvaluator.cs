using System.Globalization;
using System.Text;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Evaluates the static part of Bicep expressions: literals, arrays, objects, parameters and variables, loop variables,
/// member and index access, ternaries, ==, !=, &amp;&amp;, ||, unary - and !, string interpolation, and the functions
/// string, toLower, toUpper. Anything else (resource properties, module outputs, resourceGroup(), uniqueString, ...)
/// throws <see cref="BicepEvaluationException"/>: a check that needs such a value fails and says why.
/// Values: string, long, bool, null, List&lt;object?&gt;, Dictionary&lt;string, object?&gt;.
/// </summary>
public static class BicepEvaluator
{
    public static object? Evaluate(BicepSyntaxNode node, BicepScope scope)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(scope);
        return node.Type switch
        {
            "string" => EvaluateString(node, scope),
            "number" => long.Parse(node.Text!, NumberStyles.Integer, CultureInfo.InvariantCulture),
            "boolean" => node.Text == "true",
            "null" => null,
            "array" => node.Children.Where(c => c.Type != "decorators").Select(c => Evaluate(c, scope)).ToList(),
            "object" => EvaluateObject(node, scope),
            "identifier" => scope.Lookup(node.Text!, node),
            "parenthesized_expression" => Evaluate(node.Children.Single(), scope),
            "unary_expression" => EvaluateUnary(node, scope),
            "binary_expression" => EvaluateBinary(node, scope),
            "ternary_expression" => EvaluateTernary(node, scope),
            "member_expression" => EvaluateMember(node, scope),
            "subscript_expression" => EvaluateSubscript(node, scope),
            "call_expression" => EvaluateCall(node, scope),
            _ => throw NotStatic(node, scope, $"a {node.Type}"),
        };
    }

    private static string EvaluateString(BicepSyntaxNode node, BicepScope scope)
    {
        var text = new StringBuilder();
        foreach (var part in node.Children)
        {
            text.Append(part.Type switch
            {
                "string_content" => part.Text,
                "escape_sequence" => BicepObjects.Unescape(part.Text!),
                "interpolation" => Format(Evaluate(part.Children.Single(), scope), part, scope),
                _ => throw NotStatic(part, scope, $"a {part.Type} in a string"),
            });
        }

        return text.ToString();
    }

    private static Dictionary<string, object?> EvaluateObject(BicepSyntaxNode node, BicepScope scope)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in BicepObjects.Properties(node))
        {
            if (property.Key is null || property.Value is null)
            {
                throw NotStatic(property.Node, scope, "a computed key");
            }

            result[property.Key] = Evaluate(property.Value, scope);
        }

        return result;
    }

    private static object EvaluateUnary(BicepSyntaxNode node, BicepScope scope)
    {
        var argument = Evaluate(node.FieldChild("argument")!, scope);
        return node.HasToken("-") && argument is long number ? -number
            : node.HasToken("!") && argument is bool flag ? !flag
            : throw NotStatic(node, scope, "a unary operation on this value");
    }

    private static object EvaluateBinary(BicepSyntaxNode node, BicepScope scope)
    {
        var left = Evaluate(node.FieldChild("left")!, scope);
        var right = Evaluate(node.FieldChild("right")!, scope);
        if (node.HasToken("=="))
        {
            return Equals(left, right);
        }

        if (node.HasToken("!="))
        {
            return !Equals(left, right);
        }

        if (left is bool a && right is bool b)
        {
            if (node.HasToken("&&"))
            {
                return a && b;
            }

            if (node.HasToken("||"))
            {
                return a || b;
            }
        }

        throw NotStatic(node, scope, $"the operator {string.Join(" ", node.Tokens)}");
    }

    private static object? EvaluateTernary(BicepSyntaxNode node, BicepScope scope) =>
        Evaluate(node.FieldChild("condition")!, scope) is bool condition
            ? Evaluate(node.FieldChild(condition ? "consequence" : "alternative")!, scope)
            : throw NotStatic(node, scope, "a condition that is not a bool");

    private static object? EvaluateMember(BicepSyntaxNode node, BicepScope scope)
    {
        var target = Evaluate(node.FieldChild("object")!, scope);
        var name = node.FieldChild("property")!.Text!;
        return target is Dictionary<string, object?> values && values.TryGetValue(name, out var value)
            ? value
            : throw NotStatic(node, scope, $"the member '{name}'");
    }

    private static object? EvaluateSubscript(BicepSyntaxNode node, BicepScope scope)
    {
        var target = Evaluate(node.FieldChild("object")!, scope);
        var index = Evaluate(node.FieldChild("index")!, scope);
        return (target, index) switch
        {
            (List<object?> items, long i) when i >= 0 && i < items.Count => items[(int)i],
            (Dictionary<string, object?> values, string key) when values.TryGetValue(key, out var value) => value,
            _ => throw NotStatic(node, scope, "this index"),
        };
    }

    private static object? EvaluateCall(BicepSyntaxNode node, BicepScope scope)
    {
        var function = node.FieldChild("function")!;
        var arguments = node.FieldChild("arguments")!.Children.Select(a => Evaluate(a, scope)).ToList();
        return (function.Type == "identifier" ? function.Text : null, arguments) switch
        {
            ("string", [var value]) => Format(value, node, scope),
            ("toLower", [string text]) => text.ToLowerInvariant(),
            ("toUpper", [string text]) => text.ToUpperInvariant(),
            _ => throw NotStatic(node, scope, "this function call"),
        };
    }

    private static string Format(object? value, BicepSyntaxNode at, BicepScope scope) => value switch
    {
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => throw NotStatic(at, scope, "a string conversion of an object, array or null"),
    };

    private static BicepEvaluationException NotStatic(BicepSyntaxNode node, BicepScope scope, string what) =>
        new($"{scope.Template.File.RelativePath} {node.Location}: cannot evaluate {what} without deploying.");
}
