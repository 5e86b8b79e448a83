using System.Globalization;
using Xunit;

namespace Serverless.Cli.Tests.Recommendations;

public sealed class RecommendCommandTests
{
    // u1 has a and b; everyone who has a and b also has c; d and e are popular with other users.
    private static readonly string[] Train =
    [
        "userId,itemId,timestamp,quantity",
        "u1,a,2024-01-01T10:00:00Z,1",
        "u1,b,2024-01-02,2",
        "u2,a,2024-01-03,1",
        "u2,b,2024-01-03,1",
        "u2,c,2024-01-04,1",
        "u3,a,2024-01-05,1",
        "u3,b,2024-01-05,1",
        "u3,c,2024-01-06,3",
        "u4,d,2024-01-07,1",
        "u5,d,2024-01-08,1",
        "u5,e,2024-01-08,1",
        "u6,d,2024-01-09,1",
    ];

    [Fact]
    public async Task Writes_ranked_lists_without_seen_items_and_falls_back_to_popularity()
    {
        using var folder = new TemporaryFolder();
        var output = folder.File("out/recs.csv");

        var (exitCode, console) = await CliRunner.RunAsync(
            "recs", "recommend", "--train", folder.Write("train.csv", Train), "--users", folder.Write("users.txt", "u1", "", "new", "u1"),
            "--k", "3", "--out", output, "--trainer", "knn-cosine", "--popularity-half-life", "7");

        Assert.True(exitCode == ExitCodes.Success, console);
        var rows = ReadRows(output);
        var u1 = rows.Where(r => r.User == "u1").ToArray();
        Assert.Equal(["c", "d", "e"], u1.Select(r => r.Item));
        Assert.Equal([1, 2, 3], u1.Select(r => r.Rank));
        Assert.True(u1[0].Score > 0);
        // Decayed popularity (weights 5·log2(1 + quantity), half-life 7 days, reference 2024-01-09):
        // d ≈ 13.6 (recent) > c ≈ 10.5 (u3 bought 3) > b ≈ 10.1 > a ≈ 8.4 > e ≈ 4.5.
        var cold = rows.Where(r => r.User == "new").Select(r => r.Item).ToArray();
        Assert.Equal(["d", "c", "b"], cold);
        Assert.Equal(6, rows.Count);
        Assert.Contains("Users without history (popularity)", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Include_seen_lets_bought_items_back_in()
    {
        using var folder = new TemporaryFolder();
        var output = folder.File("recs.csv");

        var (exitCode, console) = await CliRunner.RunAsync(
            "recs", "recommend", "--train", folder.Write("train.csv", Train), "--users", folder.Write("users.txt", "u1"),
            "--k", "3", "--out", output, "--trainer", "knn-cosine", "--include-seen");

        Assert.True(exitCode == ExitCodes.Success, console);
        var items = ReadRows(output).Select(r => r.Item).ToArray();
        Assert.Equal(["a", "b", "c"], items.Order());
    }

    [Theory]
    [InlineData("popularity")]
    [InlineData("knn-bm25")]
    [InlineData("als")]
    [InlineData("ease")]
    public async Task Every_trainer_fills_k_unseen_items(string trainer)
    {
        using var folder = new TemporaryFolder();
        var output = folder.File("recs.csv");

        var (exitCode, console) = await CliRunner.RunAsync(
            "recs", "recommend", "--train", folder.Write("train.csv", Train), "--users", folder.Write("users.txt", "u1", "u4"),
            "--k", "2", "--out", output, "--trainer", trainer, "--als-factors", "2");

        Assert.True(exitCode == ExitCodes.Success, console);
        var rows = ReadRows(output);
        Assert.Equal(4, rows.Count);
        Assert.DoesNotContain(rows, r => r.User == "u1" && r.Item is "a" or "b");
        Assert.DoesNotContain(rows, r => r.User == "u4" && r.Item == "d");
    }

    [Fact]
    public async Task A_training_file_without_the_item_column_is_a_clear_error()
    {
        using var folder = new TemporaryFolder();

        var (exitCode, console) = await CliRunner.RunAsync(
            "recs", "recommend", "--train", folder.Write("train.csv", "userId,product,timestamp", "u1,a,2024-01-01"),
            "--users", folder.Write("users.txt", "u1"), "--out", folder.File("recs.csv"));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("no 'itemId' column", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_timestamp_names_the_line()
    {
        using var folder = new TemporaryFolder();

        var (exitCode, console) = await CliRunner.RunAsync(
            "recs", "recommend", "--train", folder.Write("train.csv", "userId,itemId,timestamp", "u1,a,2024-01-01", "u1,b,last tuesday"),
            "--users", folder.Write("users.txt", "u1"), "--out", folder.File("recs.csv"));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("line 3", console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--trainer", "magic")]
    [InlineData("--trainer", "als,ease")]
    [InlineData("--k", "0")]
    public async Task Bad_options_are_usage_errors(string option, string value)
    {
        using var folder = new TemporaryFolder();

        var (exitCode, _) = await CliRunner.RunAsync(
            "recs", "recommend", "--train", folder.Write("train.csv", Train), "--users", folder.Write("users.txt", "u1"),
            "--out", folder.File("recs.csv"), option, value);

        Assert.Equal(ExitCodes.Usage, exitCode);
    }

    private static List<(string User, string Item, int Rank, double Score)> ReadRows(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("userId,itemId,rank,score", lines[0]);
        return lines.Skip(1).Select(line => line.Split(',')).Select(f => (
            f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture))).ToList();
    }
}
