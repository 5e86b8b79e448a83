using System.CommandLine;
using System.Globalization;
using Serverless.Learning.Evaluation;
using Serverless.Learning.Recommenders;
using Spectre.Console;

namespace Serverless.Cli.Recommendations;

/// <summary>
/// <c>serverless recs tune</c>: grid search on a validation window that ends at the test cutoff, so the test period is
/// never looked at. Prints every configuration's validation metrics and the best flags per trainer.
/// </summary>
internal sealed class TuneRecommendersCommand
{
    private readonly CliEnvironment _environment;
    private readonly RecommendationDataOptions _data = new();

    private readonly Option<int> _validationDays = new Option<int>("--validation-days")
    {
        Description = "Length of the validation window that ends at --cutoff; training uses what came before it.",
        DefaultValueFactory = _ => 60,
    }.InRange(1, 3650);

    private readonly Option<int> _k = new Option<int>("--k")
    {
        Description = "Cutoff K of the metrics; configurations are ranked by NDCG@K.",
        DefaultValueFactory = _ => 10,
    }.InRange(1, 1000);

    private readonly Option<string> _trainers = new("--trainers")
    {
        Description = $"'all' or a comma-separated list of: {TrainerLineup.Names} (blend tunes itself and is skipped).",
        DefaultValueFactory = _ => "all",
    };

    private readonly Option<bool> _markdown = new("--markdown")
    {
        Description = "Also print the tables as Markdown (for docs/quality.md).",
    };

    private TuneRecommendersCommand(CliEnvironment environment) => _environment = environment;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new TuneRecommendersCommand(environment);
        var command = new Command(
            "tune",
            "Grid-search each trainer's hyperparameters on the window just before the test cutoff (the test period is dropped).");
        handler._data.AddTo(command);
        command.Options.Add(handler._validationDays);
        command.Options.Add(handler._k);
        command.Options.Add(handler._trainers);
        command.Options.Add(handler._markdown);
        command.SetAction((parseResult, cancellationToken) =>
            CommandFailures.ReportAsync(environment.Console, () => handler.RunAsync(parseResult, cancellationToken)));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = _environment.Console;
        var trainers = TrainerLineup.Parse(parseResult.GetValue(_trainers) ?? "all", out var error);
        if (trainers is null)
        {
            console.MarkupLine($"[red]error:[/] --trainers: {Markup.Escape(error!)}");
            return ExitCodes.Usage;
        }

        var k = parseResult.GetValue(_k);
        var window = TimeSpan.FromDays(parseResult.GetValue(_validationDays));
        var grid = trainers.SelectMany(choice => TuningGrid.For(choice, new TrainerSettings())).ToArray();
        var results = new List<(RecommenderTrainerChoice Choice, TrainerSettings Settings, RecommenderMetrics Metrics, double Seconds)>();
        TemporalSplit? split = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var read = context.AddTask("Reading interactions").IsIndeterminate();
                var loaded = await Task.Run(
                    () => _data.Load(parseResult, new InteractionWeighting(), null, cancellationToken), cancellationToken).ConfigureAwait(false);
                var beforeTest = loaded.Interactions.Where(i => i.Timestamp < loaded.Cutoff).ToArray();
                split = TemporalSplit.Create(beforeTest, loaded.Cutoff - window);
                read.IsIndeterminate(false).Value = read.MaxValue;
                read.StopTask();
                if (split.Users.Count == 0 || split.Train.Count == 0)
                {
                    return;
                }

                var progress = context.AddTask($"Tuning ({grid.Length} configurations)", maxValue: grid.Length);
                foreach (var (choice, settings) in grid)
                {
                    var trainer = TrainerLineup.Create(choice, settings);
                    var (model, seconds, _) = await Task.Run(
                        () => EvaluateRecommendersCommand.Measure(trainer, split.Train, cancellationToken), cancellationToken).ConfigureAwait(false);
                    var metrics = await Task.Run(
                        () => RecommenderEvaluator.Evaluate(model, split, k, null, cancellationToken), cancellationToken).ConfigureAwait(false);
                    results.Add((choice, settings, metrics, seconds));
                    progress.Increment(1);
                }
            }).ConfigureAwait(false);

        if (split is null || split.Users.Count == 0 || split.Train.Count == 0)
        {
            console.MarkupLine("[red]error:[/] the validation window leaves no training data or no validation user; change --cutoff or --validation-days.");
            return ExitCodes.Failure;
        }

        var table = new Table().Title(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Validation: train before {split.Cutoff:yyyy-MM-dd}, validate until {split.Cutoff + window:yyyy-MM-dd} ({split.Users.Count:N0} users), K = {k}")));
        table.AddColumn("Configuration");
        foreach (var column in new[] { $"NDCG@{k}", $"P@{k}", $"R@{k}", $"MAP@{k}", "Coverage", "Train (s)" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(TrainerLineup.Describe(result.Choice, result.Settings)),
                Format(result.Metrics.Ndcg), Format(result.Metrics.Precision), Format(result.Metrics.Recall), Format(result.Metrics.Map),
                Format(result.Metrics.Coverage), result.Seconds.ToString("N2", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var best = new Table().Title("Best configuration per trainer (validation NDCG)").AddColumn("Trainer")
            .AddColumn(new TableColumn($"NDCG@{k}").RightAligned()).AddColumn("Flags");
        foreach (var group in results.GroupBy(r => r.Choice))
        {
            var top = group.MaxBy(r => r.Metrics.Ndcg);
            best.AddRow(
                Markup.Escape(TrainerLineup.Name(group.Key)), Format(top.Metrics.Ndcg),
                Markup.Escape(TuningGrid.Flags(top.Choice, top.Settings)));
        }

        console.Write(best);
        if (parseResult.GetValue(_markdown))
        {
            var output = _environment.Output;
            output.WriteLine();
            output.WriteLine($"| Configuration | NDCG@{k} | P@{k} | R@{k} | MAP@{k} | Coverage | Train (s) |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var result in results)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {TrainerLineup.Describe(result.Choice, result.Settings)} | {Format(result.Metrics.Ndcg)} | {Format(result.Metrics.Precision)} | {Format(result.Metrics.Recall)} | {Format(result.Metrics.Map)} | {Format(result.Metrics.Coverage)} | {result.Seconds:N2} |"));
            }

            output.WriteLine();
            foreach (var group in results.GroupBy(r => r.Choice))
            {
                var top = group.MaxBy(r => r.Metrics.Ndcg);
                output.WriteLine($"- best {TrainerLineup.Name(group.Key)}: `{TuningGrid.Flags(top.Choice, top.Settings)}` (NDCG@{k} {Format(top.Metrics.Ndcg)})");
            }
        }

        return ExitCodes.Success;
    }

    private static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
