using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Serverless.Learning.Classification;
using Spectre.Console;

namespace Serverless.Cli.Intents;

/// <summary>
/// <c>serverless intents evaluate</c>: trains the intent classifier on a training set and measures it on test sets,
/// optionally beside the scikit-learn peer run on the same files in the same command.
/// </summary>
internal sealed class EvaluateIntentsCommand
{
    private readonly CliEnvironment _environment;
    private readonly IntentModelOptions _model = new();

    private readonly Option<IntentDataset?> _dataset = new("--dataset")
    {
        Description = "A benchmark from shared/datasets instead of --train/--test: banking77, clinc150 or bitext.",
    };

    private readonly Option<FileInfo> _train = new Option<FileInfo>("--train")
    {
        Description = "Training CSV with columns text,label.",
    }.AcceptExistingOnly();

    private readonly Option<FileInfo> _test = new Option<FileInfo>("--test")
    {
        Description = "Test CSV with columns text,label.",
    }.AcceptExistingOnly();

    private readonly Option<FileInfo> _validation = new Option<FileInfo>("--validation")
    {
        Description = "Optional validation CSV (calibration and out-of-scope threshold); default: a 10% hold-out of --train.",
    }.AcceptExistingOnly();

    private readonly Option<DirectoryInfo> _datasets = new Option<DirectoryInfo>("--datasets")
    {
        Description = "The shared datasets folder (default: shared/datasets found above the current directory).",
    }.AcceptExistingOnly();

    private readonly Option<double> _testFraction = new("--test-fraction")
    {
        Description = "Bitext only: share of each intent held out for testing (seeded by --seed).",
        DefaultValueFactory = _ => 0.2,
    };

    private readonly Option<bool> _peers = new("--peers")
    {
        Description = "Also run the scikit-learn peer (bench/peers/text_sklearn.py) on the same data in this command.",
    };

    private readonly Option<string> _python = new("--python")
    {
        Description = "Python interpreter with scikit-learn for --peers.",
        DefaultValueFactory = _ => PeerScript.DefaultPython,
    };

    private EvaluateIntentsCommand(CliEnvironment environment) => _environment = environment;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new EvaluateIntentsCommand(environment);
        var command = new Command("evaluate", "Train on a training set and report accuracy (and out-of-scope recall) on test sets.");
        foreach (var option in new Option[]
                 {
                     handler._dataset, handler._train, handler._test, handler._validation, handler._datasets,
                     handler._testFraction, handler._peers, handler._python,
                 })
        {
            command.Options.Add(option);
        }

        handler._model.AddTo(command);
        handler._testFraction.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is <= 0 or >= 1)
            {
                result.AddError("--test-fraction must be between 0 and 1.");
            }
        });
        command.Validators.Add(result =>
        {
            // Presence only: reading values here would throw when an option itself failed to parse.
            bool Given(Option option) => result.GetResult(option) is { Implicit: false };
            var hasDataset = Given(handler._dataset);
            var valid = hasDataset
                ? !Given(handler._train) && !Given(handler._test) && !Given(handler._validation)
                : Given(handler._train) && Given(handler._test);
            if (!valid)
            {
                result.AddError("Give either --dataset, or both --train and --test (and optionally --validation).");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
            CommandFailures.ReportAsync(environment.Console, () => handler.RunAsync(parseResult, cancellationToken)));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = _environment.Console;
        var seed = parseResult.GetValue(_model.Seed);
        var data = Load(parseResult, seed);
        var options = _model.Read(parseResult, data.OutOfScopeLabel);
        console.MarkupLine(Markup.Escape(
            $"{data.Description}: {data.Train.Count:N0} training examples, {data.Train.Select(t => t.Label).Distinct().Count()} labels" +
            (data.Validation is null ? string.Empty : $", {data.Validation.Count:N0} validation") +
            $", tests {string.Join(", ", data.Tests.Select(t => $"{t.Name} {t.Rows.Count:N0}"))}"));

        console.MarkupLine("Training the in-house classifier...");
        var stopwatch = Stopwatch.StartNew();
        var model = await Task.Run(
            () => new IntentClassifierTrainer(options).Fit(data.Train, data.Validation, out var report, cancellationToken) is var m ? (m, report) : default,
            cancellationToken).ConfigureAwait(false);
        var trainSeconds = stopwatch.Elapsed.TotalSeconds;
        var results = data.Tests.Select(t => IntentEvaluation.Evaluate(t.Name, model.m, t.Rows, options.OutOfScopeLabel)).ToList();
        var latency = IntentEvaluation.Latency(model.m, data.Tests[0].Rows.Select(r => r.Text).ToList());

        JsonElement? peer = null;
        if (parseResult.GetValue(_peers))
        {
            console.MarkupLine("Training the scikit-learn peer on the same files...");
            peer = await RunPeerAsync(parseResult.GetValue(_python)!, data, options, cancellationToken).ConfigureAwait(false);
        }

        var table = new Table().Title($"Intent classification: {Markup.Escape(data.Description)}")
            .AddColumn("Measure").AddColumn(new TableColumn("in-house").RightAligned());
        if (peer is not null)
        {
            table.AddColumn(new TableColumn("scikit-learn").RightAligned()).AddColumn(new TableColumn("difference").RightAligned());
        }

        void Row(string measure, double? ours, double? theirs, string format)
        {
            var cells = new List<string> { measure, Format(ours, format) };
            if (peer is not null)
            {
                cells.Add(Format(theirs, format));
                cells.Add(ours is not null && theirs is not null ? (ours.Value - theirs.Value).ToString("+0.0000;-0.0000;0", CultureInfo.InvariantCulture) : "-");
            }

            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        foreach (var result in results)
        {
            JsonElement peerResult = default;
            var hasPeer = peer is not null && peer.Value.GetProperty("results").TryGetProperty(result.Name, out peerResult);
            double? PeerValue(string property) =>
                hasPeer && peerResult.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
            Row($"{result.Name}: accuracy ({result.Examples:N0})", result.Accuracy, PeerValue("accuracy"), "F4");
            if (result.InScopeAccuracy is not null)
            {
                Row($"{result.Name}: in-scope accuracy", result.InScopeAccuracy, PeerValue("in_scope_accuracy"), "F4");
                Row($"{result.Name}: out-of-scope recall", result.OutOfScopeRecall, PeerValue("out_of_scope_recall"), "F4");
                Row($"{result.Name}: in-scope accuracy, no threshold", result.InScopeArgmaxAccuracy, PeerValue("in_scope_argmax_accuracy"), "F4");
            }

            Row($"{result.Name}: macro F1", result.MacroF1, null, "F4");
        }

        double? PeerNumber(string property) =>
            peer is not null && peer.Value.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
        Row("training time (s)", trainSeconds, PeerNumber("train_seconds"), "F1");
        Row("classify one text, median (ms)", latency.MedianMilliseconds, PeerNumber("classify_ms_median"), "F3");
        Row("classify one text, p99 (ms)", latency.P99Milliseconds, PeerNumber("classify_ms_p99"), "F3");
        Row("out-of-scope threshold", model.report.OutOfScopeThreshold, PeerNumber("threshold"), "F4");
        Row("temperature", model.report.Temperature, null, "F4");
        Row("validation NLL before temperature", model.report.ValidationNegativeLogLikelihoodBefore, null, "F4");
        Row("validation NLL after temperature", model.report.ValidationNegativeLogLikelihoodAfter, null, "F4");
        Row("feature columns", model.report.FeatureCount, null, "N0");
        Row("L-BFGS iterations (first fit)", model.report.Optimization.Iterations, null, "N0");
        Row("L-BFGS iterations (refit)", model.report.Refit?.Iterations, null, "N0");
        console.Write(table);
        if (peer is not null && peer.Value.TryGetProperty("peer", out var name))
        {
            console.MarkupLine(Markup.Escape($"peer: {name.GetString()}"));
        }

        console.MarkupLine(Markup.Escape(
            $"λ = {options.Regression.L2Regularization.ToString("G", CultureInfo.InvariantCulture)}, hash bits {options.Features.HashBits}, seed {options.Seed}, " +
            $"{Environment.ProcessorCount} processors, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        return ExitCodes.Success;
    }

    private static string Format(double? value, string format) =>
        value is null || double.IsNaN(value.Value) ? "-" : value.Value.ToString(format, CultureInfo.InvariantCulture);

    private EvaluationData Load(ParseResult parseResult, int seed)
    {
        var dataset = parseResult.GetValue(_dataset);
        if (dataset is null)
        {
            var train = TextDatasets.ReadLabeled(parseResult.GetRequiredValue(_train)!.FullName);
            var test = TextDatasets.ReadLabeled(parseResult.GetRequiredValue(_test)!.FullName);
            var validation = parseResult.GetValue(_validation) is { } v ? TextDatasets.ReadLabeled(v.FullName) : null;
            return new EvaluationData(
                $"{parseResult.GetValue(_train)!.Name} / {parseResult.GetValue(_test)!.Name}", train, validation, [("test", test)], null);
        }

        var datasets = TextDatasets.DatasetsFolder(parseResult.GetValue(_datasets));
        switch (dataset.Value)
        {
            case IntentDataset.Banking77:
            {
                var (train, test) = TextDatasets.Banking77(datasets);
                return new EvaluationData("BANKING77 official train/test", train, null, [("banking77", test)], null);
            }

            case IntentDataset.Clinc150:
            {
                var (train, validation, test) = TextDatasets.Clinc150(datasets);
                return new EvaluationData(
                    "CLINC150 full (train / val / test, with out-of-scope)", train, validation, [("clinc150", test)], TextDatasets.OutOfScopeLabel);
            }

            default:
            {
                var fraction = parseResult.GetValue(_testFraction);
                var (englishTrain, englishTest) = TextDatasets.Split(TextDatasets.Bitext(datasets), fraction, seed);
                var chinese = TextDatasets.ReadLabeled(TextDatasets.RepositoryFile(TextDatasets.ChineseIntentsRelativePath));
                var (chineseTrain, chineseTest) = TextDatasets.Split(chinese, fraction, seed);
                return new EvaluationData(
                    $"Bitext + project Chinese set, stratified {1 - fraction:P0}/{fraction:P0} split (seed {seed})",
                    [.. englishTrain, .. chineseTrain], null, [("bitext-en", englishTest), ("bitext-zh", chineseTest)], null);
            }
        }
    }

    private static async Task<JsonElement> RunPeerAsync(
        string python, EvaluationData data, IntentClassifierTrainer.Options options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("serverless-intents-");
        try
        {
            var arguments = new List<string> { "intents", "--train", Path.Combine(folder.FullName, "train.csv") };
            TextDatasets.WriteLabeled(arguments[^1], data.Train);
            if (data.Validation is not null)
            {
                arguments.Add("--validation");
                arguments.Add(Path.Combine(folder.FullName, "validation.csv"));
                TextDatasets.WriteLabeled(arguments[^1], data.Validation);
            }

            foreach (var (name, rows) in data.Tests)
            {
                var path = Path.Combine(folder.FullName, $"test-{name}.csv");
                TextDatasets.WriteLabeled(path, rows);
                arguments.Add("--test");
                arguments.Add($"{name}={path}");
            }

            if (options.OutOfScopeLabel is not null)
            {
                arguments.Add("--oos-label");
                arguments.Add(options.OutOfScopeLabel);
            }

            arguments.Add("--regularization");
            arguments.Add(options.Regression.L2Regularization.ToString("R", CultureInfo.InvariantCulture));
            return await PeerScript.RunAsync(python, arguments, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record EvaluationData(
        string Description,
        List<LabeledText> Train,
        List<LabeledText>? Validation,
        List<(string Name, List<LabeledText> Rows)> Tests,
        string? OutOfScopeLabel);
}
