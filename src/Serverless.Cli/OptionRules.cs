using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Serverless.Cli;

/// <summary>Value checks shared by commands; a failed check is a usage error (exit code 2).</summary>
internal static class OptionRules
{
    public static Option<int> InRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{option.Name} must be between {min} and {max} (got {value}).");
            }
        });
        return option;
    }

    public static Option<int?> Positive(this Option<int?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0 and var value)
            {
                result.AddError($"{option.Name} must be positive (got {value}).");
            }
        });
        return option;
    }

    public static Option<string> AbsoluteHttpUrl(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            var isHttp = Uri.TryCreate(value, UriKind.Absolute, out var uri)
                         && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
            if (!isHttp)
            {
                result.AddError($"{option.Name} must be an absolute http(s) URL (got '{value}').");
            }
        });
        return option;
    }

    /// <summary>ISO 8601 instants; a value without offset is UTC, like the dataset's timestamps.</summary>
    public static DateTimeOffset? ParseInstant(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DateTimeOffset.TryParse(
                token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        result.AddError($"'{token}' is not a date/time; use ISO 8601, e.g. 2011-06-01 or 2011-06-01T12:00:00Z.");
        return null;
    }
}
