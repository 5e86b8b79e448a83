using System.CommandLine;
using System.Globalization;
using System.Text;
using CsvHelper;
using Serverless.Learning.Recommenders;
using Spectre.Console;

namespace Serverless.Cli.Recommendations;

/// <summary>
/// <c>serverless recs recommend</c>: trains one model on a CSV of interactions and writes the top K items of every
/// listed user as <c>userId,itemId,rank,score</c>. Items a user already has in the training file are excluded unless
/// --include-seen. A user without history (or whose list comes up short) gets the time-decayed popularity list,
/// trained on the same file, to fill the K slots.
/// </summary>
internal sealed class RecommendCommand
{
    private readonly CliEnvironment _environment;
    private readonly TrainerSettingsOptions _settings = new();

    private readonly Option<FileInfo> _train = new Option<FileInfo>("--train")
    {
        Description = "Training interactions: CSV with a header naming userId,itemId,timestamp[,quantity].",
        Required = true,
    }.AcceptExistingOnly();

    private readonly Option<FileInfo> _users = new Option<FileInfo>("--users")
    {
        Description = "Users to score: one user id per line (blank lines ignored, duplicates scored once).",
        Required = true,
    }.AcceptExistingOnly();

    private readonly Option<FileInfo> _out = new("--out")
    {
        Description = "Output CSV: userId,itemId,rank,score (rank from 1).",
        Required = true,
    };

    private readonly Option<int> _k = new Option<int>("--k")
    {
        Description = "Items per user.",
        DefaultValueFactory = _ => 10,
    }.InRange(1, 1000);

    private readonly Option<bool> _includeSeen = new("--include-seen")
    {
        Description = "Allow items the user already has in the training file.",
    };

    private readonly Option<string> _trainer = new("--trainer")
    {
        Description = $"The trainer: one of {TrainerLineup.Names}.",
        DefaultValueFactory = _ => TrainerLineup.Name(DefaultTrainer),
    };

    private RecommendCommand(CliEnvironment environment) => _environment = environment;

    /// <summary>The best configuration measured on Online Retail (docs/quality.md).</summary>
    public static RecommenderTrainerChoice DefaultTrainer => RecommenderTrainerChoice.Ease;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new RecommendCommand(environment);
        var command = new Command("recommend", "Train on a CSV of interactions and write the top K items for each listed user.");
        foreach (var option in new Option[]
                 {
                     handler._train, handler._users, handler._out, handler._k, handler._includeSeen, handler._trainer,
                 })
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
        var choices = TrainerLineup.Parse(parseResult.GetValue(_trainer) ?? string.Empty, out var error);
        if (choices is not { Count: 1 })
        {
            console.MarkupLine($"[red]error:[/] --trainer: {Markup.Escape(error ?? "give exactly one trainer.")}");
            return ExitCodes.Usage;
        }

        var settings = _settings.Read(parseResult);
        var k = parseResult.GetValue(_k);
        var includeSeen = parseResult.GetValue(_includeSeen);
        var trainPath = parseResult.GetValue(_train)!.FullName;
        var usersPath = parseResult.GetValue(_users)!.FullName;
        var outPath = parseResult.GetValue(_out)!.FullName;
        var tally = new RecommendTally();

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var read = context.AddTask("Reading interactions").IsIndeterminate();
                var interactions = await Task.Run(
                    () => InteractionCsv.Read(trainPath, new InteractionWeighting(), cancellationToken), cancellationToken).ConfigureAwait(false);
                if (interactions.Count == 0)
                {
                    throw new InvalidDataException($"{trainPath} has no interactions.");
                }

                var users = (await File.ReadAllLinesAsync(usersPath, cancellationToken).ConfigureAwait(false))
                    .Select(line => line.Trim()).Where(line => line.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
                var histories = interactions.GroupBy(i => i.UserId, StringComparer.Ordinal).ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyList<WeightedItem>)g.Select(i => new WeightedItem(i.ItemId, i.Weight)).ToArray(),
                    StringComparer.Ordinal);
                read.IsIndeterminate(false).Value = read.MaxValue;
                read.StopTask();

                var train = context.AddTask($"Training {TrainerLineup.Name(choices[0])}").IsIndeterminate();
                var model = await Task.Run(() => TrainerLineup.Create(choices[0], settings).Fit(interactions, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
                var popularity = model as PopularityModel ?? (PopularityModel)await Task.Run(
                    () => TrainerLineup.Create(RecommenderTrainerChoice.Popularity, settings).Fit(interactions, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                train.IsIndeterminate(false).Value = train.MaxValue;
                train.StopTask();

                var score = context.AddTask($"Scoring {users.Length:N0} users", maxValue: Math.Max(1, users.Length));
                var lists = new IReadOnlyList<ScoredItem>[users.Length];
                var done = 0;
                await Task.Run(
                    () => Parallel.For(0, users.Length, new ParallelOptions { CancellationToken = cancellationToken }, u =>
                    {
                        lists[u] = Recommend(model, popularity, histories.GetValueOrDefault(users[u]) ?? [], k, includeSeen, tally);
                        var count = Interlocked.Increment(ref done);
                        if (count % 256 == 0)
                        {
                            score.Value = count;
                        }
                    }),
                    cancellationToken).ConfigureAwait(false);
                score.Value = score.MaxValue;
                score.StopTask();

                Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
                await using var writer = new StreamWriter(outPath, append: false, new UTF8Encoding(false));
                await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
                RecommendationCsv.WriteHeader(csv);
                for (var u = 0; u < users.Length; u++)
                {
                    RecommendationCsv.Write(csv, users[u], lists[u]);
                    tally.Rows += lists[u].Count;
                }

                tally.Users = users.Length;
                tally.Interactions = interactions.Count;
                tally.Items = model.Items.Count;
            }).ConfigureAwait(false);

        var table = new Table().Title("Recommendations written").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        void Add(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Add("Model", TrainerLineup.Describe(choices[0], settings));
        Add("Training interactions", Count(tally.Interactions));
        Add("Catalog items", Count(tally.Items));
        Add("Users scored", Count(tally.Users));
        Add("Users without history (popularity)", Count(tally.ColdUsers));
        Add("Users topped up from popularity", Count(tally.ToppedUp));
        Add("Rows", Count(tally.Rows));
        Add("Seen items", includeSeen ? "included" : "excluded");
        Add("Output", outPath);
        console.Write(table);
        return ExitCodes.Success;
    }

    private static IReadOnlyList<ScoredItem> Recommend(
        RecommenderModel model, PopularityModel popularity, IReadOnlyList<WeightedItem> history, int k, bool includeSeen,
        RecommendTally tally)
    {
        var seen = includeSeen ? null : history.Select(h => h.ItemId).ToHashSet(StringComparer.Ordinal);
        Func<string, bool>? exclude = seen is null ? null : seen.Contains;
        var list = history.Count == 0 ? [] : model.Recommend(history, k, exclude);
        if (history.Count == 0)
        {
            tally.CountCold();
        }

        if (list.Count >= k || ReferenceEquals(model, popularity))
        {
            return list;
        }

        if (history.Count > 0)
        {
            tally.CountToppedUp();
        }

        var chosen = list.Select(s => s.ItemId).ToHashSet(StringComparer.Ordinal);
        var fill = popularity.Recommend([], k, item => chosen.Contains(item) || (seen?.Contains(item) ?? false));
        return [.. list, .. fill.Take(k - list.Count)];
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private sealed class RecommendTally
    {
        private long _coldUsers;
        private long _toppedUp;

        public long ColdUsers => Interlocked.Read(ref _coldUsers);

        public long ToppedUp => Interlocked.Read(ref _toppedUp);

        public long Users { get; set; }

        public long Rows { get; set; }

        public long Interactions { get; set; }

        public long Items { get; set; }

        public void CountCold() => Interlocked.Increment(ref _coldUsers);

        public void CountToppedUp() => Interlocked.Increment(ref _toppedUp);
    }
}
