using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Serverless.Cli.Tests.Intents;

public sealed class IntentsCommandTests : IDisposable
{
    private static readonly string[] Training =
    [
        "text,label",
        "where is my order,track_order", "track my parcel,track_order", "has my package shipped yet,track_order", "我的订单到哪了,track_order",
        "i want a refund,get_refund", "give me my money back,get_refund", "refund the broken item,get_refund", "我要退款,get_refund",
        "cancel my order,cancel_order", "please cancel the purchase,cancel_order", "stop my order,cancel_order", "取消订单,cancel_order",
    ];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intents-cli-tests-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static double Measure(string output, string label)
    {
        var match = Regex.Match(output, Regex.Escape(label) + @"[^│]*│\s*([\d.]+)");
        Assert.True(match.Success, $"'{label}' not found in:\n{output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Evaluate_trains_and_reports_accuracy_on_the_test_file()
    {
        var train = Write("train.csv", Training);
        var test = Write("test.csv", Training); // the training rows themselves: a separable set is learnt exactly

        var (exitCode, output) = await CliRunner.RunAsync("intents", "evaluate", "--train", train, "--test", test, "--hash-bits", "12");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(1.0, Measure(output, "test: accuracy (12)"));
        Assert.InRange(Measure(output, "training time (s)"), 0, 600);
        Assert.InRange(Measure(output, "temperature"), 0.05, 20);
    }

    [Fact]
    public async Task Classify_writes_text_label_confidence()
    {
        var train = Write("train.csv", Training);
        var input = Write("texts.txt", "where is my parcel", "", "我要退款", "cancel it please");
        var output = Path.Combine(_folder.FullName, "predictions.csv");

        var (exitCode, console) = await CliRunner.RunAsync(
            "intents", "classify", "--train", train, "--input", input, "--out", output, "--hash-bits", "12");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("classified 3 texts", console, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal("text,label,confidence", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("where is my parcel,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("我要退款,", lines[2], StringComparison.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            Assert.Contains(fields[1], new[] { "track_order", "get_refund", "cancel_order", "oos" });
            Assert.InRange(double.Parse(fields[2], CultureInfo.InvariantCulture), 0, 1);
        }
    }

    [Fact]
    public async Task A_csv_without_a_label_column_fails_with_one_line()
    {
        var train = Write("train.csv", "text,intent", "hello,greeting");

        var (exitCode, output) = await CliRunner.RunAsync("intents", "evaluate", "--train", train, "--test", train);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("must name the columns 'text' and 'label'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intents")]
    [InlineData("intents", "evaluate")]
    [InlineData("intents", "evaluate", "--dataset", "banking77", "--train", "README.md")]
    [InlineData("intents", "evaluate", "--dataset", "no-such-dataset")]
    [InlineData("intents", "evaluate", "--dataset", "bitext", "--test-fraction", "2")]
    [InlineData("intents", "classify", "--train", "/no/such/file.csv", "--input", "/no/such/texts.txt", "--out", "p.csv")]
    [InlineData("sentiment", "evaluate", "--folds", "1")]
    public async Task Usage_errors_exit_two(params string[] args)
    {
        var (exitCode, _) = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
    }

    [Fact]
    public async Task Sentiment_evaluate_cross_validates_a_tab_separated_file()
    {
        var lines = new List<string>();
        foreach (var (text, label) in new[]
                 {
                     ("great phone, works perfectly", 1), ("excellent battery and a great screen", 1), ("love it, great value", 1),
                     ("works great, very happy", 1), ("great sound quality", 1), ("perfect fit and great price", 1),
                     ("terrible, broke after a day", 0), ("awful battery, terrible screen", 0), ("waste of money, terrible", 0),
                     ("terrible sound, very unhappy", 0), ("broke quickly, awful", 0), ("terrible fit and awful price", 0),
                 })
        {
            lines.Add($"{text}\t{label}");
        }

        var file = Write("reviews.txt", [.. lines]);

        var (exitCode, output) = await CliRunner.RunAsync("sentiment", "evaluate", "--file", file, "--folds", "3");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.InRange(Measure(output, "all: accuracy (12)"), 0.75, 1.0);
    }

    [Fact]
    public async Task Sentiment_weights_compares_model_lexicon_and_blends_and_counts_neutral_requests_that_would_be_handed_off()
    {
        var file = Write(
            "reviews.txt",
            "great phone, works perfectly\t1", "excellent battery and a great screen\t1", "love it, great value\t1",
            "works great, very happy\t1", "great sound quality\t1", "perfect fit and great price\t1",
            "terrible, broke after a day\t0", "awful battery, terrible screen\t0", "waste of money, terrible\t0",
            "terrible sound, very unhappy\t0", "broke quickly, awful\t0", "terrible fit and awful price\t0");
        var neutral = Write(
            "neutral.csv", "text,label", "which payment methods do you accept,check_payment_methods", "where is my parcel,track_order",
            "I need an invoice,get_invoice", "this is the worst service ever,complaint");

        var (exitCode, output) = await CliRunner.RunAsync(
            "sentiment", "weights", "--file", file, "--neutral", neutral, "--folds", "3", "--weights", "0.35,1");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("3 neutral support requests", output, StringComparison.Ordinal); // the complaint is left out
        // Every sentence has a lexicon word of its class and none of the other: the lexicon alone is right on all of them.
        Assert.Equal(1.0, Measure(output, "lexicon only"));
        Assert.InRange(Measure(output, "model only"), 0.75, 1.0);
        Assert.InRange(Measure(output, "blend w=0.35"), 0.75, 1.0);
        Assert.InRange(Measure(output, "blend w=1"), 0.75, 1.0);
    }

    [Fact]
    public async Task Sentiment_weights_outside_zero_to_one_fail()
    {
        var (exitCode, output) = await CliRunner.RunAsync("sentiment", "weights", "--weights", "0.3,1.5", "--file", Write("one.txt", "great\t1"));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("1.5", output, StringComparison.Ordinal);
    }
}
