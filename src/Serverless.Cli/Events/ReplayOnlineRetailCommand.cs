using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Serverless.Cli.Datasets;
using Serverless.Cli.Http;
using Spectre.Console;

namespace Serverless.Cli.Events;

/// <summary>
/// <c>serverless events replay-online-retail</c>: posts the purchases of a seeded sample of UCI Online Retail
/// customers to a running host, optionally moved in time so that the latest purchase happens now.
/// </summary>
internal sealed class ReplayOnlineRetailCommand
{
    private readonly CliEnvironment _environment;
    private readonly HostConnectionOptions _host = new();

    private readonly Option<FileInfo> _file = new Option<FileInfo>("--file")
    {
        Description = "The dataset (gzip or plain CSV). Default: shared/datasets/online_retail_uci/online_retail.csv.gz " +
                      "found beside the repository.",
    }.AcceptExistingOnly();

    private readonly Option<int> _customers = new Option<int>("--customers")
    {
        Description = "How many customers to replay (a seeded sample); 0 replays every customer.",
        DefaultValueFactory = _ => 200,
    }.InRange(0, int.MaxValue);

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seed of the customer sample: the same seed selects the same customers.",
        DefaultValueFactory = _ => 42,
    };

    private readonly Option<bool> _shiftToNow = new("--shift-to-now")
    {
        Description = "Move all timestamps by one offset so that the latest purchase happens at --now, keeping the gaps " +
                      "(default: true; --shift-to-now false keeps the original 2010-2011 dates).",
        DefaultValueFactory = _ => true,
    };

    private readonly Option<DateTimeOffset?> _now = new("--now")
    {
        Description = "The instant used by --shift-to-now (ISO 8601, UTC when no offset). Default: the current time.",
        CustomParser = OptionRules.ParseInstant,
    };

    private readonly Option<DateTimeOffset?> _from = new("--from")
    {
        Description = "Only invoices at or after this instant (dataset time, ISO 8601, UTC when no offset).",
        CustomParser = OptionRules.ParseInstant,
    };

    private readonly Option<DateTimeOffset?> _to = new("--to")
    {
        Description = "Only invoices before this instant (dataset time, ISO 8601, UTC when no offset).",
        CustomParser = OptionRules.ParseInstant,
    };

    private readonly Option<int?> _maxRows = new Option<int?>("--max-rows")
    {
        Description = "Read only the first N rows of the file (a quick try).",
    }.Positive();

    private readonly Option<bool> _dryRun = new("--dry-run")
    {
        Description = "Read and batch the events and print the counts, without posting anything.",
    };

    private ReplayOnlineRetailCommand(CliEnvironment environment) => _environment = environment;

    public static Command Create(CliEnvironment environment)
    {
        var handler = new ReplayOnlineRetailCommand(environment);
        var command = new Command(
            "replay-online-retail",
            "Replay real purchases from the UCI Online Retail dataset (CC BY 4.0, Chen et al. 2012) as purchase events.");
        foreach (var option in new Option[]
                 {
                     handler._file, handler._customers, handler._seed, handler._shiftToNow, handler._now,
                     handler._from, handler._to, handler._maxRows, handler._dryRun,
                 })
        {
            command.Options.Add(option);
        }

        handler._host.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
            CommandFailures.ReportAsync(environment.Console, () => handler.RunAsync(parseResult, cancellationToken)));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = _environment.Console;
        var path = parseResult.GetValue(_file)?.FullName ?? OnlineRetailEventSource.FindDefaultFile();
        if (path is null)
        {
            var expected = Markup.Escape(OnlineRetailEventSource.DefaultRelativePath);
            console.MarkupLine($"[red]error:[/] {expected} was not found beside any parent folder; pass --file.");
            return ExitCodes.Failure;
        }

        var customers = parseResult.GetValue(_customers);
        var shiftTo = parseResult.GetValue(_shiftToNow)
            ? parseResult.GetValue(_now) ?? WholeSeconds(_environment.TimeProvider.GetUtcNow())
            : (DateTimeOffset?)null;
        var source = new OnlineRetailEventSource(path, new OnlineRetailOptions
        {
            CustomerSampleSize = customers == 0 ? null : customers,
            Seed = parseResult.GetValue(_seed),
            From = parseResult.GetValue(_from),
            To = parseResult.GetValue(_to),
            ShiftLatestTo = shiftTo,
            MaxRows = parseResult.GetValue(_maxRows),
        });
        var posterOptions = _host.Read(parseResult, _environment);
        var dryRun = parseResult.GetValue(_dryRun);

        var stopwatch = Stopwatch.StartNew();
        var tally = new EventTally();
        var contract = new EventContractCheck(_environment.TimeProvider.GetUtcNow());
        OnlineRetailPlan? plan = null;
        var outcome = new EventSendOutcome();

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var scan = context.AddTask("Scanning the dataset").IsIndeterminate();
                plan = await Task.Run(() => source.Plan(cancellationToken), cancellationToken).ConfigureAwait(false);
                scan.IsIndeterminate(false).Value = scan.MaxValue;
                scan.StopTask();

                var events = tally.Observe(source.ReadEvents(cancellationToken));
                var send = context.AddTask(
                    dryRun ? "Preparing batches" : $"Posting to {posterOptions.BaseAddress}", maxValue: Math.Max(1, plan.EventCount));
                outcome = await EventSendStep.RunAsync(
                    events, dryRun, posterOptions, contract, send, _environment.TimeProvider, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);

        stopwatch.Stop();
        var table = EventSummaryTable.Create(dryRun ? "Dry run: nothing was posted" : "Replayed", tally, stopwatch.Elapsed);
        if (plan is not null)
        {
            EventSummaryTable.AddRow(table, "Customers eligible (in window)", EventSummaryTable.Count(plan.EligibleCustomers));
            EventSummaryTable.AddRow(table, "Time shift", plan.Shift == TimeSpan.Zero ? "none" : FormatShift(plan.Shift));
            AddStatistics(table, plan.Statistics);
        }

        EventSendStep.AddRows(table, outcome, contract);
        console.Write(table);
        return contract.Report(console) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void AddStatistics(Table table, OnlineRetailStatistics statistics)
    {
        EventSummaryTable.AddRow(table, "Rows read", EventSummaryTable.Count(statistics.Rows));
        EventSummaryTable.AddRow(table, "Rows kept as purchase lines", EventSummaryTable.Count(statistics.PurchaseLines));
        EventSummaryTable.AddRow(table, "Purchase invoices", EventSummaryTable.Count(statistics.PurchaseInvoices));
        EventSummaryTable.AddRow(table, "Dropped: cancellations", EventSummaryTable.Count(statistics.DroppedCancellations));
        EventSummaryTable.AddRow(table, "Dropped: no customer", EventSummaryTable.Count(statistics.DroppedWithoutCustomer));
        EventSummaryTable.AddRow(table, "Dropped: quantity <= 0", EventSummaryTable.Count(statistics.DroppedNonPositiveQuantity));
        EventSummaryTable.AddRow(table, "Dropped: price <= 0", EventSummaryTable.Count(statistics.DroppedNonPositivePrice));
        EventSummaryTable.AddRow(table, "Dropped: malformed", EventSummaryTable.Count(statistics.DroppedMalformed));
        EventSummaryTable.AddRow(table, "Invoices split (> 500 lines)", EventSummaryTable.Count(statistics.SplitInvoices));
    }

    // The dataset has minute resolution; sub-second noise from the clock would only make timestamps harder to read.
    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string FormatShift(TimeSpan shift) =>
        (shift < TimeSpan.Zero ? "-" : "+") + shift.Duration().TotalDays.ToString("N2", CultureInfo.InvariantCulture) + " days";
}
