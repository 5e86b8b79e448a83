using System.CommandLine;
using System.Diagnostics;
using Serverless.Cli.Http;
using Spectre.Console;

namespace Serverless.Cli.Events;

/// <summary><c>serverless events post --file events.jsonl</c>: posts a JSON Lines file of events to a running host.</summary>
internal sealed class PostEventsCommand
{
    private readonly CliEnvironment _environment;
    private readonly HostConnectionOptions _host = new();

    private readonly Option<FileInfo> _file = new Option<FileInfo>("--file", "-f")
    {
        Description = "JSON Lines file: one event object per line (docs/contracts), blank lines ignored.",
        Required = true,
    }.AcceptExistingOnly();

    private readonly Option<bool> _dryRun = new("--dry-run")
    {
        Description = "Read and batch the events and print the counts, without posting anything.",
    };

    private PostEventsCommand(CliEnvironment environment) => _environment = environment;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new PostEventsCommand(environment);
        var command = new Command("post", "Post the events of a JSON Lines file.");
        command.Options.Add(handler._file);
        command.Options.Add(handler._dryRun);
        handler._host.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
            CommandFailures.ReportAsync(environment.Console, () => handler.RunAsync(parseResult, cancellationToken)));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var path = parseResult.GetRequiredValue(_file).FullName;
        var posterOptions = _host.Read(parseResult, _environment);
        var dryRun = parseResult.GetValue(_dryRun);
        var total = JsonLinesEvents.CountEvents(path);
        var stopwatch = Stopwatch.StartNew();
        var tally = new EventTally();
        var contract = new EventContractCheck(_environment.TimeProvider.GetUtcNow());
        var events = tally.Observe(JsonLinesEvents.Read(path, cancellationToken));
        EventPostReport? report = null;
        var batches = 0;

        await _environment.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var send = context.AddTask(
                    dryRun ? "Reading events" : $"Posting to {posterOptions.BaseAddress}", maxValue: Math.Max(1, total));
                if (dryRun)
                {
                    await Task.Run(
                        () =>
                        {
                            var checkedEvents = contract.Observe(events);
                            foreach (var batch in EventBatches.Split(
                                         checkedEvents, posterOptions.BatchSize, posterOptions.MaxBodyBytes, cancellationToken))
                            {
                                batches++;
                                send.Increment(batch.Count);
                            }
                        },
                        cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    using var httpClient = new HttpClient();
                    var poster = new EventPoster(httpClient, posterOptions, _environment.TimeProvider);
                    var progress = new InlineProgress<EventPostProgress>(p => send.Value = p.Events);
                    report = await poster.PostAsync(events, progress, cancellationToken).ConfigureAwait(false);
                }

                send.Value = send.MaxValue;
                send.StopTask();
            }).ConfigureAwait(false);

        stopwatch.Stop();
        var table = EventSummaryTable.Create(dryRun ? "Dry run: nothing was posted" : "Posted", tally, stopwatch.Elapsed);
        if (report is not null)
        {
            EventSummaryTable.AddPostRows(table, report);
        }
        else
        {
            EventSummaryTable.AddRow(table, "Batches (would send)", EventSummaryTable.Count(batches));
            EventSummaryTable.AddRow(table, "Largest event (bytes)", EventSummaryTable.Count(contract.LargestEventBytes));
            EventSummaryTable.AddRow(table, "Events the API would refuse", EventSummaryTable.Count(contract.InvalidEvents));
        }

        _environment.Console.Write(table);
        return contract.Report(_environment.Console) ? ExitCodes.Success : ExitCodes.Failure;
    }
}
