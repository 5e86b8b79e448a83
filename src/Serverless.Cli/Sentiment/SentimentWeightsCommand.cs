using System.CommandLine;
using System.Globalization;
using Serverless.Application.Support;
using Serverless.Cli.Intents;
using Serverless.Learning.Classification;
using Spectre.Console;

namespace Serverless.Cli.Sentiment;

/// <summary>
/// <c>serverless sentiment weights</c>: chooses the support assistant's model weight (<see cref="SentimentBlend"/>).
/// For model only, lexicon only and the blend at each weight: the k-fold cross-validated accuracy on the UCI sentences
/// (every sentence scored by a model that did not train on its fold), the share of their negative sentences at or
/// below the hand-off sentiment, and the share of neutral support requests (Bitext and the shipped utterance sets,
/// complaints and reviews left out, scored by a model trained on all sentences) that would be handed off as upset.
/// </summary>
internal sealed class SentimentWeightsCommand
{
    private static readonly string[] NotNeutral = ["complaint", "review"];

    private readonly SentimentFoldOptions _data = new();

    private readonly Option<FileInfo> _neutral = new Option<FileInfo>("--neutral")
    {
        Description = "CSV text,label of neutral support requests (default: Bitext and data/intents, complaint and review rows left out).",
    }.AcceptExistingOnly();

    private readonly Option<string> _weights = new("--weights")
    {
        Description = "Comma-separated model weights of the blend, each in (0, 1].",
        DefaultValueFactory = _ => "0.1,0.2,0.3,0.5,0.7,1",
    };

    private readonly Option<double> _handoff = new("--handoff")
    {
        Description = "The hand-off sentiment: a score at or below it hands the conversation to a person.",
        DefaultValueFactory = _ => new SupportOptions().HandoffSentiment,
    };

    private readonly CliEnvironment _environment;

    private SentimentWeightsCommand(CliEnvironment environment) => _environment = environment;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new SentimentWeightsCommand(environment);
        var command = new Command("weights", "Accuracy and hand-off rates of model only, lexicon only and the support blend at several model weights.");
        foreach (var option in new Option[] { handler._neutral, handler._weights, handler._handoff }.Concat(handler._data.All))
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) =>
            CommandFailures.ReportAsync(environment.Console, () => handler.RunAsync(parseResult, cancellationToken)));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var weights = ParseWeights(parseResult.GetValue(_weights)!);
        var handoff = parseResult.GetValue(_handoff);
        var rows = _data.ReadRows(parseResult);
        var neutral = (parseResult.GetValue(_neutral) is { } neutralFile
                ? TextDatasets.ReadLabeled(neutralFile.FullName)
                : NeutralRequests(_data.DatasetsFolder(parseResult)))
            .Where(r => !NotNeutral.Contains(r.Label, StringComparer.Ordinal))
            .Select(r => r.Text)
            .ToList();
        var foldCount = parseResult.GetValue(_data.Folds);
        var seed = parseResult.GetValue(_data.Seed);
        var assignment = _data.Assign(rows, parseResult);
        var trainer = new SentimentClassifierTrainer();

        // Every sentence is scored by the model of the fold that held it out.
        var outOfFold = new SentimentScore[rows.Count];
        for (var fold = 0; fold < foldCount; fold++)
        {
            var train = rows.Where((_, i) => assignment[i] != fold).Select(r => r.Example).ToList();
            var model = await Task.Run(() => trainer.Fit(train, cancellationToken), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows.Count; i++)
            {
                if (assignment[i] == fold)
                {
                    outOfFold[i] = model.Score(rows[i].Example.Text);
                }
            }
        }

        var full = await Task.Run(() => trainer.Fit(rows.Select(r => r.Example).ToList(), cancellationToken), cancellationToken).ConfigureAwait(false);
        var lexicon = SentimentLexicon.Default;
        var sentenceLexicon = rows.Select(r => SentimentBlend.Lexicon(r.Example.Text, lexicon)).ToArray();
        var neutralScores = neutral.Select(full.Score).ToArray();
        var neutralLexicon = neutral.Select(t => SentimentBlend.Lexicon(t, lexicon)).ToArray();

        var configurations = new List<(string Name, Func<SentimentScore, double?, double> Score)>
        {
            ("model only", (model, _) => (2 * model.ModelPositiveProbability) - 1),
            ("lexicon only", (_, value) => SentimentBlend.Combine(null, value, 0)),
        };
        configurations.AddRange(weights.Select(w => (
            $"blend w={w.ToString("0.##", CultureInfo.InvariantCulture)}",
            (Func<SentimentScore, double?, double>)((model, value) => SentimentBlend.Combine(model, value, w)))));

        var negatives = Enumerable.Range(0, rows.Count).Where(i => rows[i].Example.Label == SentimentClassifierTrainer.Negative).ToList();
        var table = new Table().Expand()
            .Title($"Support sentiment: {foldCount}-fold cross-validation on {rows.Count:N0} sentences (seed {seed}), {neutral.Count:N0} neutral support requests")
            .AddColumn("Configuration")
            .AddColumn(new TableColumn("accuracy").RightAligned())
            .AddColumn(new TableColumn($"negatives <= {handoff.ToString("0.##", CultureInfo.InvariantCulture)}").RightAligned())
            .AddColumn(new TableColumn($"neutral requests <= {handoff.ToString("0.##", CultureInfo.InvariantCulture)}").RightAligned());
        foreach (var (name, score) in configurations)
        {
            var scores = rows.Select((_, i) => score(outOfFold[i], sentenceLexicon[i])).ToArray();
            // Zero (no evidence either way) counts as positive: the question the assistant asks is "is this upset?".
            var accuracy = rows.Where((r, i) => (scores[i] >= 0 ? SentimentClassifierTrainer.Positive : SentimentClassifierTrainer.Negative) == r.Example.Label).Count()
                / (double)rows.Count;
            var negativeHandoffs = negatives.Count(i => scores[i] <= handoff) / (double)Math.Max(1, negatives.Count);
            var neutralHandoffs = neutral.Count == 0 ? 0 : neutralScores.Where((s, i) => score(s, neutralLexicon[i]) <= handoff).Count() / (double)neutral.Count;
            table.AddRow(
                Markup.Escape(name),
                accuracy.ToString("F4", CultureInfo.InvariantCulture),
                negativeHandoffs.ToString("F4", CultureInfo.InvariantCulture),
                neutralHandoffs.ToString("F4", CultureInfo.InvariantCulture));
        }

        _environment.Console.Write(table);
        _environment.Console.MarkupLine(Markup.Escape(
            $"accuracy: a score >= 0 is positive; hand-off columns: the share scoring at or below {handoff.ToString(CultureInfo.InvariantCulture)}; " +
            $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        return ExitCodes.Success;
    }

    private static List<LabeledText> NeutralRequests(string datasets)
    {
        var rows = TextDatasets.Bitext(datasets);
        rows.AddRange(TextDatasets.ReadLabeled(TextDatasets.RepositoryFile(TextDatasets.ChineseIntentsRelativePath)));
        rows.AddRange(TextDatasets.ReadLabeled(TextDatasets.RepositoryFile(Path.Combine("data", "intents", SupportTrainingData.ExtraSet))));
        return rows;
    }

    private static List<double> ParseWeights(string text)
    {
        var weights = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !(weight > 0 && weight <= 1))
            {
                throw new ArgumentException($"--weights: '{part}' is not a number in (0, 1].");
            }

            weights.Add(weight);
        }

        return weights;
    }
}
