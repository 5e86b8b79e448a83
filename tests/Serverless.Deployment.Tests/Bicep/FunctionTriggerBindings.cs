using System.Text.RegularExpressions;
using Serverless.Testing;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>Reads the trigger attributes and <c>%Setting%</c> references of src/Serverless.Functions from source.</summary>
public static partial class FunctionTriggerBindings
{
    public static string FunctionsFolder => Path.Combine(RepositoryRoot.Path, "src", "Serverless.Functions");

    public static string SourceFolder => Path.Combine(RepositoryRoot.Path, "src");

    public static IEnumerable<string> FunctionSourceFiles() =>
        Directory.EnumerateFiles(FunctionsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Every queue and timer trigger of the Functions sources, arguments resolved through <paramref name="constants"/>.</summary>
    public static IReadOnlyList<FunctionTriggerBinding> Scan(SourceConstants constants)
    {
        ArgumentNullException.ThrowIfNull(constants);
        var bindings = new List<FunctionTriggerBinding>();
        foreach (var path in FunctionSourceFiles())
        {
            var source = File.ReadAllText(path);
            var relative = Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/');
            bindings.AddRange(Scan(source, relative, constants));
        }

        return bindings;
    }

    public static IEnumerable<FunctionTriggerBinding> Scan(string source, string file, SourceConstants constants)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(constants);
        foreach (Match attribute in TriggerAttribute().Matches(source))
        {
            var arguments = SplitArguments(attribute.Groups["arguments"].Value);
            var positional = arguments.Where(a => !NamedArgument().IsMatch(a)).ToList();
            var connection = arguments.Select(a => NamedArgument().Match(a)).FirstOrDefault(m => m.Success && m.Groups["name"].Value == "Connection");
            var line = source[..attribute.Index].Count(c => c == '\n') + 1;
            if (positional.Count == 0)
            {
                throw new FormatException($"{file} line {line}: {attribute.Value} has no queue name or schedule argument.");
            }

            yield return new FunctionTriggerBinding(
                file,
                line,
                attribute.Groups["trigger"].Value,
                constants.Resolve(positional[0]),
                connection is null ? null : constants.Resolve(connection.Groups["value"].Value));
        }
    }

    /// <summary>The <c>%Name%</c> references of an attribute value or string literal.</summary>
    public static IEnumerable<string> SettingReferences(string value) =>
        SettingReference().Matches(value).Select(m => m.Groups["name"].Value);

    /// <summary>Every <c>"...%Name%..."</c> written literally in the Functions sources (attributes and constants).</summary>
    public static IReadOnlyList<(string File, string Setting)> LiteralSettingReferences() =>
        [.. FunctionSourceFiles().SelectMany(path =>
            StringLiteral().Matches(File.ReadAllText(path))
                .SelectMany(m => SettingReferences(m.Value))
                .Select(setting => (Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/'), setting)))];

    private static List<string> SplitArguments(string arguments)
    {
        var parts = new List<string>();
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            var c = arguments[i];
            if (c == '"' && (i == 0 || arguments[i - 1] != '\\'))
            {
                inString = !inString;
            }
            else if (!inString && c is '(' or '{')
            {
                depth++;
            }
            else if (!inString && c is ')' or '}')
            {
                depth--;
            }
            else if (!inString && depth == 0 && c == ',')
            {
                parts.Add(arguments[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(arguments[start..].Trim());
        return [.. parts.Where(p => p.Length > 0)];
    }

    [GeneratedRegex(@"\[(?<trigger>QueueTrigger|TimerTrigger|BlobTrigger)(?:Attribute)?\((?<arguments>(?:[^()""]|""[^""]*""|\([^()]*\))*)\)")]
    private static partial Regex TriggerAttribute();

    [GeneratedRegex(@"^(?<name>\w+)\s*=\s*(?<value>.+)$", RegexOptions.Singleline)]
    private static partial Regex NamedArgument();

    [GeneratedRegex(@"%(?<name>[A-Za-z0-9_:.\-]+)%")]
    private static partial Regex SettingReference();

    [GeneratedRegex(@"\$?""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();
}
