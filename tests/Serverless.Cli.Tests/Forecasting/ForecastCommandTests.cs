using System.Globalization;
using Serverless.Learning.Forecasting.Serialization;
using Serverless.Testing;
using Xunit;

namespace Serverless.Cli.Tests.Forecasting;

/// <summary><c>serverless forecast run</c> and <c>evaluate</c> on a tiny history CSV, and evaluate on a real sample.</summary>
public sealed class ForecastCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("forecast-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Run_writes_H_rows_per_series_with_ordered_non_negative_bounds_from_the_day_after_the_history()
    {
        var history = WriteHistory();
        var output = Path.Combine(_folder.FullName, "forecasts.csv");
        var models = Path.Combine(_folder.FullName, "models.bin");

        var (exitCode, text) = await CliRunner.RunAsync(
            "forecast", "run", "--history", history, "--horizon", "7", "--granularity", "day", "--out", output, "--model-out", models, "--threads", "1");

        Assert.Equal(0, exitCode);
        Assert.Contains("3 series", text, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal("seriesId,date,mean,lo80,hi80,lo95,hi95", lines[0]);
        var rows = lines.Skip(1).Select(Parse).ToList();
        Assert.Equal(21, rows.Count);
        Assert.Equal(["bowl", "cup", "lamp"], rows.Select(r => r.Id).Distinct());
        Assert.Equal(
            Enumerable.Range(0, 7).Select(d => new DateOnly(2026, 2, 10).AddDays(d)),
            rows.Where(r => r.Id == "cup").Select(r => r.Date));
        Assert.All(rows, r =>
        {
            Assert.True(r.Lo95 >= 0 && r.Lo95 <= r.Lo80 && r.Lo80 <= r.Hi80 && r.Hi80 <= r.Hi95, $"{r}");
            Assert.True(r.Mean >= 0);
        });

        await using var stream = File.OpenRead(models);
        var set = ForecastModelSerializer.LoadSet(stream);
        Assert.Equal(["bowl", "cup", "lamp"], set.Entries.Select(e => e.SeriesId));
        Assert.Equal(new DateOnly(2026, 2, 9), set.Entries[0].LastPeriod);
    }

    [Fact]
    public async Task Run_with_groups_adds_group_and_total_rows_that_add_up()
    {
        var history = WriteHistory();
        var groups = Path.Combine(_folder.FullName, "groups.csv");
        File.WriteAllLines(groups, ["seriesId,group", "cup,kitchen", "bowl,kitchen", "lamp,lighting"]);
        var output = Path.Combine(_folder.FullName, "forecasts.csv");

        var (exitCode, _) = await CliRunner.RunAsync(
            "forecast", "run", "--history", history, "--horizon", "5", "--out", output, "--groups", groups);

        Assert.Equal(0, exitCode);
        var rows = File.ReadAllLines(output).Skip(1).Select(Parse).ToList();
        foreach (var date in rows.Select(r => r.Date).Distinct())
        {
            double Mean(string id) => rows.Single(r => r.Id == id && r.Date == date).Mean;
            Assert.Equal(Mean("cup") + Mean("bowl"), Mean("group:kitchen"), 3);
            Assert.Equal(Mean("lamp"), Mean("group:lighting"), 3);
            Assert.Equal(Mean("cup") + Mean("bowl") + Mean("lamp"), Mean("total"), 3);
        }
    }

    [Fact]
    public async Task A_negative_value_fails_with_its_line_and_missing_options_are_usage_errors()
    {
        var history = Path.Combine(_folder.FullName, "bad.csv");
        File.WriteAllLines(history, ["seriesId,date,value", "cup,2026-01-01,3", "cup,2026-01-02,-1"]);
        var output = Path.Combine(_folder.FullName, "out.csv");

        var (badValue, text) = await CliRunner.RunAsync("forecast", "run", "--history", history, "--horizon", "3", "--out", output);
        var (noHorizon, _) = await CliRunner.RunAsync("forecast", "run", "--history", history, "--out", output);
        var (zeroHorizon, _) = await CliRunner.RunAsync("forecast", "run", "--history", history, "--horizon", "0", "--out", output);
        var (badGranularity, _) = await CliRunner.RunAsync("forecast", "run", "--history", history, "--horizon", "3", "--granularity", "month", "--out", output);
        var (badIntervals, intervalsText) = await CliRunner.RunAsync("forecast", "run", "--history", history, "--horizon", "3", "--intervals", "normal", "--out", output);

        Assert.Equal(1, badValue);
        Assert.Contains("line 3", text, StringComparison.Ordinal);
        Assert.Equal(2, noHorizon);
        Assert.Equal(2, zeroHorizon);
        Assert.Equal(2, badGranularity);
        Assert.Equal(2, badIntervals);
        Assert.Contains("--intervals must be analytic, analytic-normal or backtest (got 'normal')", intervalsText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analytic_normal_intervals_are_no_narrower_below_and_differ_above_on_a_long_skewed_history()
    {
        // 150 days of mostly 2-4 units with an order of 25 every tenth day: analytic models get a residual shape.
        var history = Path.Combine(_folder.FullName, "skewed.csv");
        File.WriteAllLines(history, new[] { "seriesId,date,value" }.Concat(Enumerable.Range(0, 150).Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"mug,{new DateOnly(2026, 1, 1).AddDays(t):yyyy-MM-dd},{(t % 10 == 3 ? 25 : 2 + t % 3)}"))));
        var shaped = Path.Combine(_folder.FullName, "shaped.csv");
        var normal = Path.Combine(_folder.FullName, "normal.csv");

        var (shapedExit, _) = await CliRunner.RunAsync("forecast", "run", "--history", history, "--horizon", "5", "--out", shaped, "--threads", "1");
        var (normalExit, _) = await CliRunner.RunAsync(
            "forecast", "run", "--history", history, "--horizon", "5", "--out", normal, "--intervals", "analytic-normal", "--threads", "1");

        Assert.Equal(0, shapedExit);
        Assert.Equal(0, normalExit);
        var withShape = File.ReadAllLines(shaped).Skip(1).Select(Parse).ToList();
        var withNormal = File.ReadAllLines(normal).Skip(1).Select(Parse).ToList();
        Assert.Equal(withNormal.Select(r => r.Mean), withShape.Select(r => r.Mean));
        Assert.All(withShape.Zip(withNormal), pair => Assert.True(pair.First.Lo80 <= pair.Second.Lo80, $"{pair}"));
        Assert.NotEqual(withNormal.Select(r => r.Hi80), withShape.Select(r => r.Hi80));
    }

    [Fact]
    public async Task Evaluate_on_a_csv_scores_the_automatic_forecaster_and_every_candidate()
    {
        var history = WriteHistory();

        var (exitCode, text) = await CliRunner.RunAsync("forecast", "evaluate", "--data", "csv", "--file", history, "--holdout", "7", "--markdown");
        var (noFile, _) = await CliRunner.RunAsync("forecast", "evaluate", "--data", "csv");

        Assert.Equal(0, exitCode);
        Assert.Contains("| automatic | 3 |", text, StringComparison.Ordinal);
        Assert.Contains("| TSB | 3 |", text, StringComparison.Ordinal);
        Assert.Contains("Hold-out: last 7 periods of 3 series", text, StringComparison.Ordinal);
        Assert.Matches(@"by interval source[\s\S]*\((\d+) points\)", text);
        Assert.Equal(2, noFile);
    }

    [Fact]
    public async Task Evaluate_on_a_real_sample_of_the_UCI_weekly_data()
    {
        var file = Path.Combine(RepositoryRoot.Datasets, "uci_sales_transactions_weekly", "Sales_Transactions_Dataset_Weekly.csv");

        var (exitCode, text) = await CliRunner.RunAsync(
            "forecast", "evaluate", "--data", "uci-weekly", "--file", file, "--max-series", "12", "--markdown");

        Assert.Equal(0, exitCode);
        Assert.Contains("811 products x 52 weeks", text, StringComparison.Ordinal);
        var automatic = text.Split('\n').Single(line => line.StartsWith("| automatic |", StringComparison.Ordinal)).Split('|');
        var mase = double.Parse(automatic[3], CultureInfo.InvariantCulture);
        // The first products sell every week; the forecaster should not be far off the in-sample naive error.
        Assert.InRange(mase, 0.3, 1.5);
    }

    /// <summary>Three daily series over 2026-01-01..2026-02-09: a weekly pattern, a steady seller with gaps, a rare one.</summary>
    private string WriteHistory()
    {
        var path = Path.Combine(_folder.FullName, "history.csv");
        var lines = new List<string> { "seriesId,date,value" };
        var start = new DateOnly(2026, 1, 1);
        for (var day = 0; day < 40; day++)
        {
            var date = start.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            lines.Add($"cup,{date},{(day % 7 == 5 ? 0 : 10 + (day * 7) % 5)}");
            if (day % 3 != 0)
            {
                lines.Add($"bowl,{date},{2 + day % 4}");
            }

            if (day % 9 == 4)
            {
                lines.Add($"lamp,{date},1");
            }
        }

        File.WriteAllLines(path, lines);
        return path;
    }

    private static (string Id, DateOnly Date, double Mean, double Lo80, double Hi80, double Lo95, double Hi95) Parse(string line)
    {
        var parts = line.Split(',');
        double Number(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        return (parts[0], DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), Number(2), Number(3), Number(4), Number(5), Number(6));
    }
}
