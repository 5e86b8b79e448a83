using System.Text;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>Renders expressions for checks that look at their shape rather than at a value.</summary>
public static class BicepExpressions
{
    /// <summary>The dotted text of an identifier or member access chain (<c>identity.outputs.principalId</c>), else null.</summary>
    public static string? DottedName(BicepSyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Type switch
        {
            "identifier" => node.Text,
            "member_expression" when DottedName(node.FieldChild("object")!) is { } target => $"{target}.{node.FieldChild("property")!.Text}",
            _ => null,
        };
    }

    /// <summary>
    /// A string with its static holes filled in and the others kept as <c>${expression}</c>:
    /// <c>'${account.id}/sqlRoleDefinitions/${roleId}'</c> renders as <c>${account.id}/sqlRoleDefinitions/0000...0002</c>.
    /// </summary>
    public static string Render(BicepSyntaxNode node, BicepScope scope)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(scope);
        if (node.Type != "string")
        {
            return TryEvaluate(node, scope, out var value) && value is string text ? text : $"${{{DottedName(node) ?? node.Type}}}";
        }

        var rendered = new StringBuilder();
        foreach (var part in node.Children)
        {
            rendered.Append(part.Type switch
            {
                "string_content" => part.Text,
                "escape_sequence" => BicepObjects.Unescape(part.Text!),
                _ => Render(part.Children.Single(), scope),
            });
        }

        return rendered.ToString();
    }

    /// <summary>Evaluates <paramref name="node"/> when it is static; false when it depends on the deployment.</summary>
    public static bool TryEvaluate(BicepSyntaxNode node, BicepScope scope, out object? value)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            value = scope.Evaluate(node);
            return true;
        }
        catch (BicepEvaluationException)
        {
            value = null;
            return false;
        }
    }
}
