using System.Text.Json;
using Serverless.Application.Events;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Spectre.Console;

namespace Serverless.Cli.Events;

/// <summary>
/// A dry run applies the API's own contract rules (<see cref="BehaviorEventValidator"/> and the per-event size limit
/// <see cref="IngestionOptions.MaxEventBytes"/>) to every event, so it tells whether the host would accept the data
/// without sending it.
/// </summary>
internal sealed class EventContractCheck(DateTimeOffset now)
{
    private const int MaxExamples = 5;

    private readonly List<string> _examples = [];

    public int InvalidEvents { get; private set; }

    /// <summary>The largest event as JSON on the wire (bytes).</summary>
    public int LargestEventBytes { get; private set; }

    public IEnumerable<BehaviorEvent> Observe(IEnumerable<BehaviorEvent> events)
    {
        foreach (var item in events)
        {
            var problems = BehaviorEventValidator.Validate(item, now).Select(e => $"{e.Field} {e.Message}").ToList();
            var bytes = JsonSerializer.SerializeToUtf8Bytes(item, DomainJson.Options).Length;
            LargestEventBytes = Math.Max(LargestEventBytes, bytes);
            if (bytes > IngestionOptions.MaxEventBytes)
            {
                problems.Add($"is {bytes} bytes as JSON, over the {IngestionOptions.MaxEventBytes} bytes a queue message takes");
            }

            if (problems.Count > 0)
            {
                InvalidEvents++;
                if (_examples.Count < MaxExamples)
                {
                    _examples.Add($"{item.EventId}: {string.Join("; ", problems)}");
                }
            }

            yield return item;
        }
    }

    /// <summary>Prints the first invalid events; true when every event was valid.</summary>
    public bool Report(IAnsiConsole console)
    {
        foreach (var example in _examples)
        {
            console.MarkupLine($"[red]invalid:[/] {Markup.Escape(example)}");
        }

        return InvalidEvents == 0;
    }
}
