using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Serverless.Testing;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Runs tools/bicep-check/bicep-check.sh, which installs its pinned npm packages on first use (npm ci under a file lock,
/// like tools/emulators/emulators.sh install) and parses Bicep files with the tree-sitter Bicep grammar.
/// </summary>
public static class BicepCheckTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static readonly Lazy<BicepParseOutput> InfrastructureOutput = new(() => Parse([.. InfrastructureFilePaths()]));

    public static string InfrastructureFolder => Path.Combine(RepositoryRoot.Path, "infra");

    /// <summary>Every infra/**/*.bicep file, parsed once per test run.</summary>
    public static BicepParseOutput Infrastructure => InfrastructureOutput.Value;

    public static IEnumerable<string> InfrastructureFilePaths() =>
        Directory.EnumerateFiles(InfrastructureFolder, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static BicepParseOutput Parse(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("No file to parse.", nameof(paths));
        }

        var script = Path.Combine(RepositoryRoot.Path, "tools", "bicep-check", "bicep-check.sh");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Timeout}.");
        }

        // 0: no syntax error, 1: syntax errors (reported in the JSON); anything else is a failure of the tool itself.
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {stderr.Result}");
        }

        return JsonSerializer.Deserialize<BicepParseOutput>(stdout.Result)
            ?? throw new InvalidOperationException($"{script} printed no JSON. stderr: {stderr.Result}");
    }

    /// <summary>
    /// Parses every <c>const string</c> field of <paramref name="owner"/> whose name ends in <c>Snippet</c> as Bicep
    /// source, in one run of the tool (each run starts Node.js): the snippets of tests that prove a check can fail.
    /// </summary>
    public static IReadOnlyDictionary<string, BicepParsedFile> ParseSnippets(Type owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var snippets = owner.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Snippet", StringComparison.Ordinal))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);
        var folder = Path.Combine(Path.GetTempPath(), $"bicep-check-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var paths = snippets.Keys.Select(name => Path.Combine(folder, name + ".bicep")).ToList();
            foreach (var (name, source) in snippets)
            {
                File.WriteAllText(Path.Combine(folder, name + ".bicep"), source);
            }

            return Parse(paths).Files.ToDictionary(f => Path.GetFileNameWithoutExtension(f.Path), StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
