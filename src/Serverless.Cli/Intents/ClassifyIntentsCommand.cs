using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Serverless.Learning.Classification;
using Spectre.Console;

namespace Serverless.Cli.Intents;

/// <summary>
/// <c>serverless intents classify --train train.csv --input texts.txt --out predictions.csv</c>: trains on a labelled
/// CSV and writes text,label,confidence for every line of the input (label = --oos-label, default "oos", when the
/// text is out of scope).
/// </summary>
internal sealed class ClassifyIntentsCommand
{
    private readonly CliEnvironment _environment;
    private readonly IntentModelOptions _model = new();

    private readonly Option<FileInfo> _train = new Option<FileInfo>("--train")
    {
        Description = "Training CSV with columns text,label.",
        Required = true,
    }.AcceptExistingOnly();

    private readonly Option<FileInfo> _input = new Option<FileInfo>("--input")
    {
        Description = "UTF-8 text file: one text per line (blank lines ignored).",
        Required = true,
    }.AcceptExistingOnly();

    private readonly Option<FileInfo> _out = new("--out")
    {
        Description = "Predictions CSV to write: text,label,confidence.",
        Required = true,
    };

    private ClassifyIntentsCommand(CliEnvironment environment) => _environment = environment;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new ClassifyIntentsCommand(environment);
        var command = new Command("classify", "Train on a labelled CSV and classify every line of a text file.");
        command.Options.Add(handler._train);
        command.Options.Add(handler._input);
        command.Options.Add(handler._out);
        handler._model.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
            CommandFailures.ReportAsync(environment.Console, () => handler.RunAsync(parseResult, cancellationToken)));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var training = TextDatasets.ReadLabeled(parseResult.GetRequiredValue(_train).FullName);
        var texts = TextDatasets.ReadLines(parseResult.GetRequiredValue(_input).FullName);
        var options = _model.Read(parseResult);
        var model = await Task.Run(() => new IntentClassifierTrainer(options).Fit(training, null, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var predictions = new IntentPrediction[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => predictions[i] = model.Predict(texts[i]));
        var outOfScope = options.OutOfScopeLabel ?? "oos";
        var path = parseResult.GetRequiredValue(_out).FullName;
        await using (var writer = new StreamWriter(path))
        await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteField("text");
            csv.WriteField("label");
            csv.WriteField("confidence");
            await csv.NextRecordAsync().ConfigureAwait(false);
            for (var i = 0; i < texts.Count; i++)
            {
                csv.WriteField(texts[i]);
                csv.WriteField(predictions[i].IsOutOfScope ? outOfScope : predictions[i].Label);
                csv.WriteField(predictions[i].Confidence.ToString("0.0000", CultureInfo.InvariantCulture));
                await csv.NextRecordAsync().ConfigureAwait(false);
            }
        }

        var rejected = predictions.Count(p => p.IsOutOfScope);
        _environment.Console.MarkupLine(Markup.Escape(
            $"Trained on {training.Count:N0} examples ({model.Labels.Count} intents); classified {texts.Count:N0} texts " +
            $"({rejected:N0} out of scope below confidence {model.OutOfScopeThreshold:F4}) into {path}"));
        return ExitCodes.Success;
    }
}
