using System.Globalization;
using Xunit;

namespace Serverless.Cli.Tests.Recommendations;

public sealed class EvaluateCommandTests
{
    /// <summary>
    /// Two taste groups over four weeks; after the cutoff each user buys the one group item they lacked, so any
    /// collaborative model finds it; popularity recommends "decoy", bought by ten other users just before the cutoff.
    /// </summary>
    private static string[] Data()
    {
        var lines = new List<string> { "userId,itemId,timestamp" };
        var day = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var group in new[] { "a", "b" })
        {
            for (var user = 0; user < 8; user++)
            {
                for (var item = 1; item <= 4; item++)
                {
                    var when = item == (user % 4) + 1 ? day.AddDays(40 + user) : day.AddDays((user * 2) + item);
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{group}{user},{group}{item},{when:yyyy-MM-dd}"));
                }
            }
        }

        for (var user = 0; user < 10; user++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"p{user},decoy,{day.AddDays(30):yyyy-MM-dd}"));
        }

        return [.. lines];
    }

    [Fact]
    public async Task Prints_every_trainer_side_by_side_and_as_markdown()
    {
        using var folder = new TemporaryFolder();

        var (exitCode, console) = await CliRunner.RunAsync(
            "recs", "evaluate", "--data", folder.Write("data.csv", Data()), "--cutoff", "2024-02-01", "--k", "1",
            "--trainers", "popularity,knn-cosine,ease", "--markdown");

        Assert.True(exitCode == ExitCodes.Success, console);
        Assert.Contains("NDCG@1", console, StringComparison.Ordinal);
        Assert.Contains("Test users (history and a new item)", console, StringComparison.Ordinal);

        // Markdown rows: | trainer | P | R | NDCG | ...
        var rows = console.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Trainer", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToDictionary(c => c[1], c => double.Parse(c[4], CultureInfo.InvariantCulture));
        Assert.Equal(3, rows.Count);
        Assert.Equal(1.0, rows.Single(r => r.Key.StartsWith("item-kNN", StringComparison.Ordinal)).Value, 4);
        Assert.Equal(0.0, rows.Single(r => r.Key.StartsWith("popularity", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public async Task A_cutoff_after_all_data_is_a_clear_error()
    {
        using var folder = new TemporaryFolder();

        var (exitCode, console) = await CliRunner.RunAsync(
            "recs", "evaluate", "--data", folder.Write("data.csv", Data()), "--cutoff", "2030-01-01", "--trainers", "popularity");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("choose another --cutoff", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_trainer_names_are_usage_errors()
    {
        using var folder = new TemporaryFolder();

        var (exitCode, console) = await CliRunner.RunAsync(
            "recs", "evaluate", "--data", folder.Write("data.csv", Data()), "--trainers", "popularity,svd");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("unknown trainer 'svd'", console, StringComparison.Ordinal);
    }
}
