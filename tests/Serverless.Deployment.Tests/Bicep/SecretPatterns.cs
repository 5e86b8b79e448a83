using System.Text.RegularExpressions;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>Text that puts a secret into a template: account keys, SAS tokens, key-listing functions, master keys.</summary>
public static partial class SecretPatterns
{
    /// <summary>Each match as "line N: text".</summary>
    public static IReadOnlyList<string> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Secret().Matches(text).Select(m => $"line {text[..m.Index].Count(c => c == '\n') + 1}: {m.Value}")];
    }

    [GeneratedRegex(
        @"AccountKey\s*=|SharedAccessKey(Name)?\s*=|SharedAccessSignature\s*=|[?&]sig=|\blist(Keys|ConnectionStrings|AccountSas|ServiceSas|Secrets)\s*\(|\b(primary|secondary)(Master|ReadonlyMaster)?Key\b|\bpassword\s*[:=]|@secure\s*\(",
        RegexOptions.IgnoreCase)]
    private static partial Regex Secret();
}
