using System.Text.RegularExpressions;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// The <c>const string Name = "value";</c> declarations of C# sources, by declaring type and name. Attribute arguments
/// of src/Serverless.Functions are read from source with it.
/// </summary>
public sealed partial class SourceConstants
{
    private readonly Dictionary<(string Type, string Name), string> _constants;

    private SourceConstants(Dictionary<(string Type, string Name), string> constants) => _constants = constants;

    public int Count => _constants.Count;

    public static SourceConstants Load(string folder)
    {
        var constants = new Dictionary<(string Type, string Name), string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            Add(constants, File.ReadAllText(path));
        }

        return new SourceConstants(constants);
    }

    public static SourceConstants Parse(string source)
    {
        var constants = new Dictionary<(string Type, string Name), string>();
        Add(constants, source);
        return new SourceConstants(constants);
    }

    /// <summary>
    /// The value of a constant C# string expression: a literal <c>"..."</c>, an interpolated <c>$"...{Type.Name}..."</c>,
    /// a constant <c>Type.Name</c> or <c>Name</c> (when one type declares it), or a <c>+</c> concatenation of those.
    /// </summary>
    public string Resolve(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        return string.Concat(SplitConcatenation(expression.Trim()).Select(ResolvePart));
    }

    private string ResolvePart(string part)
    {
        if (part.StartsWith("$\"", StringComparison.Ordinal) && part.EndsWith('"'))
        {
            return InterpolationHole().Replace(part[2..^1], m => ResolveName(m.Groups["name"].Value));
        }

        if (part.StartsWith('"') && part.EndsWith('"') && part.Length >= 2)
        {
            return part[1..^1];
        }

        return ResolveName(part);
    }

    private string ResolveName(string name)
    {
        var segments = name.Split('.');
        var matches = segments.Length >= 2
            ? _constants.Where(c => c.Key.Type == segments[^2] && c.Key.Name == segments[^1]).Select(c => c.Value).Distinct().ToList()
            : _constants.Where(c => c.Key.Name == name).Select(c => c.Value).Distinct().ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"No string constant '{name}' in the sources."),
            _ => throw new InvalidOperationException($"'{name}' names constants with different values: {string.Join(", ", matches)}."),
        };
    }

    private static IEnumerable<string> SplitConcatenation(string expression)
    {
        var start = 0;
        var inString = false;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '"' && (i == 0 || expression[i - 1] != '\\'))
            {
                inString = !inString;
            }
            else if (c == '+' && !inString)
            {
                yield return expression[start..i].Trim();
                start = i + 1;
            }
        }

        yield return expression[start..].Trim();
    }

    private static void Add(Dictionary<(string Type, string Name), string> constants, string source)
    {
        // Constants belong to the nearest type declared above them (nested types are not used for constants here).
        var types = TypeDeclaration().Matches(source).Select(m => (m.Index, Name: m.Groups["name"].Value)).ToList();
        foreach (Match constant in ConstantDeclaration().Matches(source))
        {
            var owner = types.LastOrDefault(t => t.Index < constant.Index).Name ?? "";
            constants[(owner, constant.Groups["name"].Value)] = constant.Groups["value"].Value;
        }
    }

    [GeneratedRegex(@"\b(?:class|record|struct|interface)\s+(?<name>\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bconst\s+string\s+(?<name>\w+)\s*=\s*""(?<value>[^""\\]*)""\s*;")]
    private static partial Regex ConstantDeclaration();

    [GeneratedRegex(@"\{(?<name>[\w.]+)\}")]
    private static partial Regex InterpolationHole();
}
