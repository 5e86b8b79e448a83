using System.Text.Json;
using Serverless.Domain.Events;
using Serverless.Domain.Json;

namespace Serverless.Cli.Events;

/// <summary>Reads events from a JSON Lines file (one event object per line, blank lines ignored), streaming.</summary>
public static class JsonLinesEvents
{
    public static IEnumerable<BehaviorEvent> Read(string path, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            BehaviorEvent? item;
            try
            {
                item = JsonSerializer.Deserialize<BehaviorEvent>(line, DomainJson.Options);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a behaviour event: {ex.Message}", ex);
            }

            yield return item ?? throw new InvalidDataException($"{path}:{lineNumber}: null is not a behaviour event.");
        }
    }

    /// <summary>Non-blank lines, i.e. the number of events <see cref="Read"/> yields for a valid file.</summary>
    public static int CountEvents(string path) => File.ReadLines(path).Count(line => !string.IsNullOrWhiteSpace(line));
}
