using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Serverless.Learning.Evaluation;
using Serverless.Learning.Recommenders;
using Spectre.Console;

namespace Serverless.Cli.Recommendations;

/// <summary>
/// <c>serverless recs evaluate</c>: a temporal split, every trainer trained on the past and scored on the items each
/// user bought for the first time after the cutoff, side by side (optionally with the scikit-learn peers, whose
/// recommendations are scored by the same evaluator), with training time and peak memory.
/// </summary>
internal sealed class EvaluateRecommendersCommand
{
    private readonly CliEnvironment _environment;
    private readonly RecommendationDataOptions _data = new();
    private readonly TrainerSettingsOptions _settings = new();

    private readonly Option<int> _k = new Option<int>("--k")
    {
        Description = "Cutoff K of the metrics (and length of every list).",
        DefaultValueFactory = _ => 10,
    }.InRange(1, 1000);

    private readonly Option<string> _trainers = new("--trainers")
    {
        Description = $"'all' or a comma-separated list of: {TrainerLineup.Names}.",
        DefaultValueFactory = _ => "all",
    };

    private readonly Option<bool> _peers = new("--peers")
    {
        Description = "Also run bench/peers/recs_sklearn.py (scikit-learn PureSVD and item-kNN cosine) on the same split.",
    };

    private readonly Option<string> _python = new("--python")
    {
        Description = "Python interpreter with scikit-learn for --peers (default /usr/bin/python3 when present, else python3).",
    };

    private readonly Option<bool> _markdown = new("--markdown")
    {
        Description = "Also print the table as Markdown (for docs/quality.md).",
    };

    private EvaluateRecommendersCommand(CliEnvironment environment) => _environment = environment;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new EvaluateRecommendersCommand(environment);
        var command = new Command("evaluate", "Train every recommender before a cutoff and compare them on what users bought after it.");
        handler._data.AddTo(command);
        foreach (var option in new Option[] { handler._k, handler._trainers, handler._peers, handler._python, handler._markdown })
        {
            command.Options.Add(option);
        }

        handler._settings.AddTo(command);
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

        var settings = _settings.Read(parseResult);
        var k = parseResult.GetValue(_k);
        string? script = null;
        if (parseResult.GetValue(_peers))
        {
            script = PythonPeers.FindScript();
            if (script is null)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(PythonPeers.ScriptRelativePath)} was not found above the current folder.");
                return ExitCodes.Failure;
            }
        }

        var weighting = new InteractionWeighting();
        var rows = new List<EvaluationRow>();
        var notes = new List<string>();
        TemporalSplit? split = null;
        string description = string.Empty;
        IReadOnlyList<PeerResult> peers = [];
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var read = context.AddTask("Reading interactions").IsIndeterminate();
                var loaded = await Task.Run(
                    () => _data.Load(parseResult, weighting, new InlineProgress<long>(_ => { }), cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                description = loaded.Description;
                split = TemporalSplit.Create(loaded.Interactions, loaded.Cutoff);
                read.IsIndeterminate(false).Value = read.MaxValue;
                read.StopTask();
                if (split.Users.Count == 0 || split.Train.Count == 0)
                {
                    return;
                }

                foreach (var choice in trainers)
                {
                    var train = context.AddTask($"Training {TrainerLineup.Name(choice)}").IsIndeterminate();
                    var trainer = TrainerLineup.Create(choice, settings);
                    var (model, seconds, peak) = await Task.Run(() => Measure(trainer, split.Train, cancellationToken), cancellationToken)
                        .ConfigureAwait(false);
                    train.IsIndeterminate(false).Value = train.MaxValue;
                    train.StopTask();

                    var evaluate = context.AddTask($"Evaluating {TrainerLineup.Name(choice)}", maxValue: split.Users.Count);
                    var metrics = await Task.Run(
                        () => RecommenderEvaluator.Evaluate(
                            model, split, k, new InlineProgress<int>(done => evaluate.Value = done), cancellationToken),
                        cancellationToken).ConfigureAwait(false);
                    evaluate.Value = evaluate.MaxValue;
                    evaluate.StopTask();
                    rows.Add(new EvaluationRow(TrainerLineup.Name(choice), TrainerLineup.Describe(choice, settings), metrics, seconds, peak));
                    if (model is BlendModel blend)
                    {
                        notes.Add(BlendSummary(blend));
                    }
                }

                if (script is not null)
                {
                    var peerTask = context.AddTask("Python peers (scikit-learn)").IsIndeterminate();
                    var interpreter = parseResult.GetValue(_python) ?? PythonPeers.DefaultInterpreter;
                    peers = await PythonPeers.RunAsync(interpreter, script, split, k, runs: 1, cancellationToken).ConfigureAwait(false);
                    foreach (var peer in peers)
                    {
                        rows.Add(new EvaluationRow(
                            peer.Method, peer.Label, RecommenderEvaluator.Evaluate(peer.Lists, split, k), peer.FitSeconds, peer.PeakMebibytes));
                    }

                    peerTask.IsIndeterminate(false).Value = peerTask.MaxValue;
                    peerTask.StopTask();
                }
            }).ConfigureAwait(false);

        if (split is null || split.Users.Count == 0 || split.Train.Count == 0)
        {
            console.MarkupLine(
                $"[red]error:[/] the cutoff {split?.Cutoff:yyyy-MM-dd HH:mm} leaves {(split?.Train.Count ?? 0):N0} training interactions and {(split?.Users.Count ?? 0):N0} test users; choose another --cutoff.");
            return ExitCodes.Failure;
        }

        console.Write(SplitTable(split, description));
        console.Write(EvaluationTable.Create(rows, k, $"Temporal split at {split.Cutoff:yyyy-MM-dd}, items new to each user, K = {k}"));
        foreach (var note in notes.Concat(peers.Select(p => "Peers: " + p.Versions).Distinct()))
        {
            console.WriteLine(note);
        }

        if (parseResult.GetValue(_markdown))
        {
            _environment.Output.WriteLine();
            _environment.Output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"- Data: {description}; cutoff {split.Cutoff:yyyy-MM-dd}: {split.Train.Count:N0} training interactions, {split.CatalogSize:N0} items; {split.Users.Count:N0} test users with {split.Users.Sum(u => u.Relevant.Count):N0} relevant pairs (dropped: {split.RepeatPairs:N0} repeat pairs, {split.UnknownItemPairs:N0} pairs of items unknown to training, {split.UsersWithoutHistory:N0} users without history)"));
            _environment.Output.WriteLine();
            _environment.Output.Write(EvaluationTable.Markdown(rows, k));
            foreach (var note in notes)
            {
                _environment.Output.WriteLine("- " + note);
            }
        }

        return ExitCodes.Success;
    }

    internal static (RecommenderModel Model, double Seconds, double PeakMebibytes) Measure(
        IRecommenderTrainer trainer, IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken)
    {
        using var memory = PeakMemorySampler.Start();
        var stopwatch = Stopwatch.StartNew();
        var model = trainer.Fit(interactions, cancellationToken);
        stopwatch.Stop();
        var peak = memory.Stop();
        return (model, stopwatch.Elapsed.TotalSeconds, peak / (1024.0 * 1024.0));
    }

    /// <summary>The weights the blend chose on its validation window (components with weight 0 were dropped).</summary>
    private static string BlendSummary(BlendModel blend)
    {
        var weights = blend.Parameters
            .Where(p => p.Key.StartsWith("Weight[", StringComparison.Ordinal))
            .Select(p => $"{p.Key[(p.Key.IndexOf('.', StringComparison.Ordinal) + 1)..]} {double.Parse(p.Value, CultureInfo.InvariantCulture):0.0#}");
        return $"Blend weights chosen on its validation window ({blend.Parameters["ValidationWindow"]}, "
               + $"{blend.Parameters["ValidationUsers"]} users, NDCG@{blend.Parameters["K"]} "
               + $"{double.Parse(blend.Parameters["ValidationNdcg"], CultureInfo.InvariantCulture):0.0000}): {string.Join(", ", weights)}";
    }

    private static Table SplitTable(TemporalSplit split, string description)
    {
        var table = new Table().Title("Data and split").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        void Add(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Add("Data", description);
        Add("Cutoff", split.Cutoff.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Add("Training interactions", Count(split.Train.Count));
        Add("Training users", Count(split.Train.Select(i => i.UserId).Distinct().Count()));
        Add("Training items (catalog)", Count(split.CatalogSize));
        Add("Test interactions (at or after cutoff)", Count(split.TestInteractions));
        Add("Test users (history and a new item)", Count(split.Users.Count));
        Add("Relevant user-item pairs", Count(split.Users.Sum(u => u.Relevant.Count)));
        Add("Dropped: repeat purchases", Count(split.RepeatPairs));
        Add("Dropped: items unknown to training", Count(split.UnknownItemPairs));
        Add("Dropped: users without history", Count(split.UsersWithoutHistory));
        return table;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
