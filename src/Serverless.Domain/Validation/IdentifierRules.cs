namespace Serverless.Domain.Validation;

/// <summary>
/// What an identifier (event, user, session, product, order id) may look like. Ids become Cosmos DB document ids
/// and partition keys, which may not contain '/', '\', '?' or '#', so those are refused here rather than failing in storage.
/// </summary>
public static class IdentifierRules
{
    public const int MaxLength = 128;

    /// <summary>Null when <paramref name="value"/> is a valid id, otherwise the reason it is not.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is required and must not be blank.";
        }

        if (value.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters.";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return "must not contain control characters.";
            }

            if (c is '/' or '\\' or '?' or '#')
            {
                return "must not contain '/', '\\', '?' or '#'.";
            }
        }

        return null;
    }

    public static bool IsValid(string? value) => Check(value) is null;

    /// <summary>Null when <paramref name="value"/> is acceptable free text of at most <paramref name="maxLength"/> characters.</summary>
    public static string? CheckText(string? value, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? "is required and must not be blank." : (value is null ? null : "must not be blank when present.");
        }

        if (value.Length > maxLength)
        {
            return $"must be at most {maxLength} characters.";
        }

        // Tabs and line breaks are legitimate in free text; other control characters are not.
        return value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? "must not contain control characters." : null;
    }

    /// <summary>Null when <paramref name="value"/> looks like an ISO 4217 code (three upper-case letters).</summary>
    public static string? CheckCurrency(string? value)
    {
        if (value is null)
        {
            return "is required.";
        }

        return value.Length == 3 && value.All(char.IsAsciiLetterUpper) ? null : "must be an ISO 4217 code of three upper-case letters.";
    }
}
