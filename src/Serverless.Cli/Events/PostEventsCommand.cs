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
        var outcome = new EventSendOutcome();

        await _environment.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var send = context.AddTask(
                    dryRun ? "Reading events" : $"Posting to {posterOptions.BaseAddress}", maxValue: Math.Max(1, total));
                outcome = await EventSendStep.RunAsync(
                    events, dryRun, posterOptions, contract, send, _environment.TimeProvider, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);

        stopwatch.Stop();
        var table = EventSummaryTable.Create(dryRun ? "Dry run: nothing was posted" : "Posted", tally, stopwatch.Elapsed);
        EventSendStep.AddRows(table, outcome, contract);
        _environment.Console.Write(table);
        return contract.Report(_environment.Console) ? ExitCodes.Success : ExitCodes.Failure;
    }
}
