using Serverless.Domain.Validation;

namespace Serverless.Application.Common;

/// <summary>Turns Domain validation errors into HTTP field errors, with the path of the message inside a request.</summary>
public static class ValidationErrorMapping
{
    /// <summary>Field path of <paramref name="field"/> inside an item at <paramref name="prefix"/> (<c>[3]</c> + <c>lines[0].quantity</c>).</summary>
    public static string Combine(string prefix, string field)
    {
        if (prefix.Length == 0)
        {
            return field.Length == 0 ? "body" : field;
        }

        if (field.Length == 0)
        {
            return prefix;
        }

        return field[0] == '[' ? prefix + field : $"{prefix}.{field}";
    }

    public static IEnumerable<FieldError> ToFieldErrors(this IEnumerable<ValidationError> errors, string prefix = "") =>
        errors.Select(e => new FieldError(Combine(prefix, e.Field), e.Message));

    /// <summary>One line naming each field, for logs and poison-message reasons.</summary>
    public static string Describe(this IEnumerable<ValidationError> errors) =>
        string.Join("; ", errors.Select(e => $"{(e.Field.Length == 0 ? "body" : e.Field)} {e.Message}"));
}
