using System.Diagnostics;
using System.Text.Json;

namespace Serverless.Cli.Intents;

/// <summary>
/// Runs the scikit-learn peer (bench/peers/text_sklearn.py) on the same files in the same command and returns its JSON.
/// </summary>
internal static class PeerScript
{
    public static readonly string RelativePath = Path.Combine("bench", "peers", "text_sklearn.py");

    /// <summary>Debian's python3 (where apt installs scikit-learn) when present, else python3 on the PATH.</summary>
    public static string DefaultPython => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static async Task<JsonElement> RunAsync(string python, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var script = TextDatasets.RepositoryFile(RelativePath);
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new IOException($"Could not start {python}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var message = (await error.ConfigureAwait(false)).Trim();
            var last = message.Split('\n').LastOrDefault() ?? string.Empty;
            throw new IOException($"The peer script failed (exit {process.ExitCode}): {last}" +
                                  (last.Contains("sklearn", StringComparison.Ordinal) ? " (install scikit-learn: apt-get install -y python3-sklearn)" : string.Empty));
        }

        using var document = JsonDocument.Parse(await output.ConfigureAwait(false));
        return document.RootElement.Clone();
    }
}
