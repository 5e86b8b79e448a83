using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Serverless.Cli.Intents;
using Serverless.Learning.Classification;
using Spectre.Console;

namespace Serverless.Cli.Sentiment;

/// <summary>
/// <c>serverless sentiment evaluate</c>: stratified k-fold cross-validated accuracy of the sentiment classifier on
/// the UCI sentences (all together and per source) or on a sentence-TAB-label file, optionally beside the
/// scikit-learn peer on the very same folds.
/// </summary>
internal sealed class EvaluateSentimentCommand
{
    private readonly CliEnvironment _environment;

    private readonly SentimentFoldOptions _data = new();

    private readonly Option<double> _regularization = new("--regularization")
    {
        Description = "L2 penalty λ on the mean loss (scikit-learn C = 1/(λ·n)).",
        DefaultValueFactory = _ => new SoftmaxRegressionTrainer.Options().L2Regularization,
    };

    private readonly Option<bool> _peers = new("--peers")
    {
        Description = "Also run the scikit-learn peer (bench/peers/text_sklearn.py) on the same folds in this command.",
    };

    private readonly Option<string> _python = new("--python")
    {
        Description = "Python interpreter with scikit-learn for --peers.",
        DefaultValueFactory = _ => PeerScript.DefaultPython,
    };

    private EvaluateSentimentCommand(CliEnvironment environment) => _environment = environment;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new EvaluateSentimentCommand(environment);
        var command = new Command("evaluate", "k-fold cross-validated accuracy of the sentiment classifier.");
        foreach (var option in new Option[]
                 {
                     handler._regularization, handler._peers, handler._python,
                 }.Concat(handler._data.All))
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) =>
            CommandFailures.ReportAsync(environment.Console, () => handler.RunAsync(parseResult, cancellationToken)));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = _environment.Console;
        var rows = _data.ReadRows(parseResult);
        var regularization = parseResult.GetValue(_regularization);
        if (!(regularization >= 0) || double.IsInfinity(regularization))
        {
            throw new ArgumentException("--regularization must be a finite number >= 0.");
        }

        var foldCount = parseResult.GetValue(_data.Folds);
        var seed = parseResult.GetValue(_data.Seed);
        var sources = rows.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal).ToList();
        // One fold assignment, stratified by source and label, is used for every group (each source is the
        // restriction of it) and written for the peer, so both sides train and test on identical folds.
        var assignment = _data.Assign(rows, parseResult);
        var groups = new List<(string Name, int[] Indices)> { ("all", Enumerable.Range(0, rows.Count).ToArray()) };
        if (sources.Count > 1)
        {
            groups.AddRange(sources.Select(s => (s, Enumerable.Range(0, rows.Count).Where(i => rows[i].Source == s).ToArray())));
        }

        var trainer = new SentimentClassifierTrainer(new() { Regression = new() { L2Regularization = regularization } });
        var results = new List<(string Name, int Examples, double Accuracy)>();
        var trainTimes = new List<double>();
        foreach (var (name, indices) in groups)
        {
            var correct = 0;
            for (var fold = 0; fold < foldCount; fold++)
            {
                var train = indices.Where(i => assignment[i] != fold).Select(i => rows[i].Example).ToList();
                var test = indices.Where(i => assignment[i] == fold).Select(i => rows[i].Example).ToList();
                var stopwatch = Stopwatch.StartNew();
                var model = await Task.Run(() => trainer.Fit(train, cancellationToken), cancellationToken).ConfigureAwait(false);
                trainTimes.Add(stopwatch.Elapsed.TotalSeconds);
                correct += test.Count(t => (model.PositiveProbability(t.Text) >= 0.5 ? SentimentClassifierTrainer.Positive : SentimentClassifierTrainer.Negative) == t.Label);
            }

            results.Add((name, indices.Length, (double)correct / indices.Length));
        }

        JsonElement? peer = null;
        if (parseResult.GetValue(_peers))
        {
            console.MarkupLine("Running the scikit-learn peer on the same folds...");
            peer = await RunPeerAsync(parseResult.GetValue(_python)!, rows, assignment, regularization, cancellationToken).ConfigureAwait(false);
        }

        var table = new Table().Title($"Sentiment: {foldCount}-fold cross-validation (seed {seed})")
            .AddColumn("Measure").AddColumn(new TableColumn("in-house").RightAligned());
        if (peer is not null)
        {
            table.AddColumn(new TableColumn("scikit-learn").RightAligned()).AddColumn(new TableColumn("difference").RightAligned());
        }

        foreach (var (name, examples, accuracy) in results)
        {
            var cells = new List<string> { $"{name}: accuracy ({examples:N0})", accuracy.ToString("F4", CultureInfo.InvariantCulture) };
            if (peer is not null)
            {
                var theirs = peer.Value.GetProperty("results").TryGetProperty(name, out var r) ? r.GetProperty("accuracy").GetDouble() : double.NaN;
                cells.Add(theirs.ToString("F4", CultureInfo.InvariantCulture));
                cells.Add((accuracy - theirs).ToString("+0.0000;-0.0000;0", CultureInfo.InvariantCulture));
            }

            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        trainTimes.Sort();
        var timeCells = new List<string> { "training time per fold, median (s)", trainTimes[trainTimes.Count / 2].ToString("F2", CultureInfo.InvariantCulture) };
        if (peer is not null)
        {
            var theirs = peer.Value.GetProperty("train_seconds_median").GetDouble();
            timeCells.Add(theirs.ToString("F2", CultureInfo.InvariantCulture));
            timeCells.Add("-");
        }

        table.AddRow(timeCells.Select(Markup.Escape).ToArray());
        console.Write(table);
        console.MarkupLine(Markup.Escape(
            $"λ = {regularization.ToString("G", CultureInfo.InvariantCulture)}; a prediction is positive when P(positive) >= 0.5 (model only, no lexicon); " +
            $"{Environment.ProcessorCount} processors, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        return ExitCodes.Success;
    }

    private static async Task<JsonElement> RunPeerAsync(
        string python, List<SourcedExample> rows, int[] allFolds, double regularization, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("serverless-sentiment-");
        try
        {
            var path = Path.Combine(folder.FullName, "sentiment.csv");
            await using (var writer = new StreamWriter(path))
            await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
            {
                foreach (var header in new[] { "text", "label", "fold", "source" })
                {
                    csv.WriteField(header);
                }

                await csv.NextRecordAsync().ConfigureAwait(false);
                for (var i = 0; i < rows.Count; i++)
                {
                    csv.WriteField(rows[i].Example.Text);
                    csv.WriteField(rows[i].Example.Label);
                    csv.WriteField(allFolds[i].ToString(CultureInfo.InvariantCulture));
                    csv.WriteField(rows[i].Source);
                    await csv.NextRecordAsync().ConfigureAwait(false);
                }
            }

            return await PeerScript.RunAsync(
                python, ["sentiment", "--data", path, "--regularization", regularization.ToString("R", CultureInfo.InvariantCulture)],
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
