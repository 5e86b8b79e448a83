using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Serverless.Learning.Evaluation;
using Serverless.Learning.Recommenders;

namespace Serverless.Cli.Recommendations;

/// <summary>
/// Runs <c>bench/peers/recs_sklearn.py</c> on the training side of a split: writes the training interactions (weights
/// summed per pair, exactly what the C# trainers get) and the test users to a temporary folder, runs the script and
/// reads back each method's recommendations, which the caller scores with the same evaluator as its own models.
/// </summary>
internal static class PythonPeers
{
    public static readonly string ScriptRelativePath = Path.Combine("bench", "peers", "recs_sklearn.py");

    /// <summary>Debian's interpreter (where python3-sklearn installs) when present, else python3 on the PATH.</summary>
    public static string DefaultInterpreter => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static string? FindScript()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ScriptRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static async Task<IReadOnlyList<PeerResult>> RunAsync(
        string interpreter, string script, TemporalSplit split, int k, int runs, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("recs-peers-");
        try
        {
            var train = Path.Combine(folder.FullName, "train.csv");
            var users = Path.Combine(folder.FullName, "users.txt");
            WriteTrain(split.Train, train);
            await File.WriteAllLinesAsync(users, split.Users.Select(u => u.UserId), cancellationToken).ConfigureAwait(false);

            var start = new ProcessStartInfo(interpreter)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         script, "--train", train, "--users", users, "--out-dir", folder.FullName,
                         "--k", k.ToString(CultureInfo.InvariantCulture), "--runs", runs.ToString(CultureInfo.InvariantCulture),
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)
                ?? throw new IOException($"Could not start {interpreter}.");
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new IOException(
                    $"{Path.GetFileName(script)} failed with exit code {process.ExitCode} (is python3-sklearn installed for {interpreter}?): {(await errors.ConfigureAwait(false)).Trim()}");
            }

            var results = new List<PeerResult>();
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                results.Add(new PeerResult(
                    root.GetProperty("method").GetString()!,
                    root.GetProperty("label").GetString()!,
                    root.GetProperty("fit_seconds").GetDouble(),
                    root.GetProperty("peak_mib").GetDouble(),
                    RecommendationCsv.ReadLists(root.GetProperty("recommendations").GetString()!),
                    root.GetProperty("versions").GetString()!));
            }

            return results;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void WriteTrain(IReadOnlyList<Interaction> interactions, string path)
    {
        var sums = new Dictionary<(string User, string Item), double>();
        foreach (var interaction in interactions)
        {
            var key = (interaction.UserId, interaction.ItemId);
            sums[key] = sums.GetValueOrDefault(key) + interaction.Weight;
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("userId,itemId,weight");
        foreach (var ((user, item), weight) in sums.OrderBy(p => p.Key.User, StringComparer.Ordinal).ThenBy(p => p.Key.Item, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Quote(user)},{Quote(item)},{weight:R}"));
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
