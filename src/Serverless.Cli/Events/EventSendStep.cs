using Serverless.Cli.Http;
using Serverless.Domain.Events;
using Spectre.Console;

namespace Serverless.Cli.Events;

/// <summary>
/// The step both event commands end with: post the events to the host, or in a dry run check them against the API's
/// contract and cut them into the batches that would be sent. Progress goes to <paramref name="task"/>.
/// </summary>
internal static class EventSendStep
{
    public static async Task<EventSendOutcome> RunAsync(
        IEnumerable<BehaviorEvent> events,
        bool dryRun,
        EventPosterOptions posterOptions,
        EventContractCheck contract,
        ProgressTask task,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var outcome = new EventSendOutcome();
        if (dryRun)
        {
            await Task.Run(
                () =>
                {
                    foreach (var batch in EventBatches.Split(
                                 contract.Observe(events), posterOptions.BatchSize, posterOptions.MaxBodyBytes, cancellationToken))
                    {
                        outcome.Batches++;
                        outcome.Bytes += EventBatches.ToJsonArray(batch).LongLength;
                        task.Increment(batch.Count);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            using var httpClient = new HttpClient();
            var poster = new EventPoster(httpClient, posterOptions, timeProvider);
            var progress = new InlineProgress<EventPostProgress>(p => task.Value = p.Events);
            outcome.Report = await poster.PostAsync(events, progress, cancellationToken).ConfigureAwait(false);
        }

        task.Value = task.MaxValue;
        task.StopTask();
        return outcome;
    }

    /// <summary>Adds the dry run's figures (or the post report) to the summary table.</summary>
    public static void AddRows(Table table, EventSendOutcome outcome, EventContractCheck contract)
    {
        if (outcome.Report is not null)
        {
            EventSummaryTable.AddPostRows(table, outcome.Report);
            return;
        }

        EventSummaryTable.AddRow(table, "Batches (would send)", EventSummaryTable.Count(outcome.Batches));
        EventSummaryTable.AddRow(table, "Request bytes (would send)", EventSummaryTable.Count(outcome.Bytes));
        EventSummaryTable.AddRow(table, "Largest event (bytes)", EventSummaryTable.Count(contract.LargestEventBytes));
        EventSummaryTable.AddRow(table, "Events the API would refuse", EventSummaryTable.Count(contract.InvalidEvents));
    }
}
