using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Storage;

namespace Serverless.Infrastructure.Archive;

/// <summary>
/// The event archive in Blob storage: append blobs of JSON Lines at
/// <c>{container}/events/yyyy/MM/dd/HH/{writer}-{n}.jsonl</c>, partitioned by the UTC hour of each event's OccurredAt.
/// Safe for concurrent appends from many queue workers of one host (see <see cref="ArchiveHourWriter"/>).
/// </summary>
public sealed class BlobEventArchive : IEventArchive
{
    // Writers of older hours are dropped once idle; a late event for such an hour simply reopens its blob.
    private const int MaxTrackedHours = 48;

    private readonly BlobStorageClient _blobs;
    private readonly EventArchiveOptions _options;
    private readonly ILogger<BlobEventArchive> _logger;
    private readonly ConcurrentDictionary<DateTimeOffset, ArchiveHourWriter> _writers = new();
    private volatile bool _containerExists;

    public BlobEventArchive(BlobStorageClient blobs, EventArchiveOptions options, ILogger<BlobEventArchive> logger)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task AppendAsync(IReadOnlyList<BehaviorEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        if (!_containerExists)
        {
            await _blobs.CreateContainerIfNotExistsAsync(_options.ContainerName, cancellationToken).ConfigureAwait(false);
            _containerExists = true;
        }

        var appends = events
            .GroupBy(behaviorEvent => ArchiveBlobName.HourOf(behaviorEvent.OccurredAt))
            .Select(hour => _writers
                .GetOrAdd(hour.Key, key => new ArchiveHourWriter(_blobs, _options, key, _logger))
                .AppendAsync(ToChunks(hour, ArchiveHourWriter.BlockLimit(_options)), cancellationToken));
        await Task.WhenAll(appends).ConfigureAwait(false);
        ForgetIdleWriters();
    }

    /// <summary>Events with <c>from &lt;= OccurredAt &lt; to</c>; duplicates of an event id are dropped.</summary>
    public async IAsyncEnumerable<BehaviorEvent> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (_, blobs) in await ListBlobsByHourAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            // A redelivered event has the same OccurredAt, so it lands in the same hour: de-duplicating per hour is enough
            // and keeps memory bounded by one hour's events.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var blob in blobs)
            {
                var download = await _blobs.GetBlobAsync(_options.ContainerName, blob.Name, cancellationToken).ConfigureAwait(false);
                if (download is null)
                {
                    continue;
                }

                foreach (var behaviorEvent in ParseLines(download.Content, blob.Name))
                {
                    if (behaviorEvent.OccurredAt >= from && behaviorEvent.OccurredAt < to && seen.Add(behaviorEvent.EventId))
                    {
                        yield return behaviorEvent;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The hour partitions overlapping <c>[from, to)</c> that hold data, oldest first, from listings only (no blob is read).
    /// </summary>
    public async Task<IReadOnlyList<ArchiveHour>> ListHoursAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var hours = await ListBlobsByHourAsync(from, to, cancellationToken).ConfigureAwait(false);
        return hours
            .Select(hour => new ArchiveHour(
                hour.Key,
                hour.Value.Count,
                hour.Value.Sum(blob => blob.ContentLength),
                hour.Value.Max(blob => blob.LastModified)))
            .ToList();
    }

    /// <summary>Blobs per hour, hours ascending, each hour's blobs by writer then index (the order they were written per writer).</summary>
    private async Task<SortedDictionary<DateTimeOffset, List<BlobItem>>> ListBlobsByHourAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var byHour = new SortedDictionary<DateTimeOffset, List<(ArchiveBlobName Name, BlobItem Blob)>>();
        var firstHour = ArchiveBlobName.HourOf(from);
        if (from < to)
        {
            // One listing per day: at most 24 hours x writers x rollovers entries, usually one page.
            for (var day = new DateTimeOffset(firstHour.UtcDateTime.Date, TimeSpan.Zero); day < to; day = day.AddDays(1))
            {
                try
                {
                    await foreach (var blob in _blobs.ListBlobsAsync(_options.ContainerName, ArchiveBlobName.DayPrefix(day), cancellationToken: cancellationToken)
                        .ConfigureAwait(false))
                    {
                        if (ArchiveBlobName.TryParse(blob.Name) is { } name && name.Hour >= firstHour && name.Hour < to)
                        {
                            if (!byHour.TryGetValue(name.Hour, out var blobs))
                            {
                                byHour[name.Hour] = blobs = [];
                            }

                            blobs.Add((name, blob));
                        }
                    }
                }
                catch (StorageRequestFailedException exception) when (exception.ErrorCode == StorageErrorCodes.ContainerNotFound)
                {
                    break;
                }
            }
        }

        var result = new SortedDictionary<DateTimeOffset, List<BlobItem>>();
        foreach (var (hour, blobs) in byHour)
        {
            result[hour] = blobs
                .OrderBy(entry => entry.Name.WriterId, StringComparer.Ordinal)
                .ThenBy(entry => entry.Name.Index)
                .Select(entry => entry.Blob)
                .ToList();
        }

        return result;
    }

    private IEnumerable<BehaviorEvent> ParseLines(BinaryData content, string blobName)
    {
        var remaining = content.ToMemory();
        var lineNumber = 0;
        while (!remaining.IsEmpty)
        {
            lineNumber++;
            var end = remaining.Span.IndexOf((byte)'\n');
            var isComplete = end >= 0;
            var line = isComplete ? remaining[..end] : remaining;
            remaining = isComplete ? remaining[(end + 1)..] : ReadOnlyMemory<byte>.Empty;
            if (line.Span.Trim((byte)'\r').IsEmpty)
            {
                continue;
            }

            BehaviorEvent? behaviorEvent = null;
            try
            {
                behaviorEvent = JsonSerializer.Deserialize<BehaviorEvent>(line.Span, DomainJson.Options);
            }
            catch (JsonException exception) when (!isComplete)
            {
                // Appends never split a line, but a copy or a crashed foreign writer can leave a torn last line.
                _logger.LogDebug(exception, "Skipped torn last line {LineNumber} of archive blob {BlobName}", lineNumber, blobName);
            }
            catch (JsonException exception)
            {
                _logger.LogWarning(exception, "Skipped unreadable line {LineNumber} of archive blob {BlobName}", lineNumber, blobName);
            }

            if (behaviorEvent is not null)
            {
                yield return behaviorEvent;
            }
        }
    }

    /// <summary>Whole lines grouped into chunks of at most <paramref name="limit"/> bytes (a longer single line is a chunk of its own).</summary>
    private static List<byte[]> ToChunks(IEnumerable<BehaviorEvent> events, long limit)
    {
        var chunks = new List<byte[]>();
        using var chunk = new MemoryStream();
        foreach (var behaviorEvent in events)
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(behaviorEvent, DomainJson.Options);
            if (line.Length + 1 > ArchiveHourWriter.MaxBlockBytes)
            {
                throw new ArgumentException($"Event {behaviorEvent.EventId} is larger than one 4 MiB append block.", nameof(events));
            }

            if (chunk.Length > 0 && chunk.Length + line.Length + 1 > limit)
            {
                chunks.Add(chunk.ToArray());
                chunk.SetLength(0);
            }

            chunk.Write(line);
            chunk.WriteByte((byte)'\n');
        }

        chunks.Add(chunk.ToArray());
        return chunks;
    }

    private void ForgetIdleWriters()
    {
        if (_writers.Count <= MaxTrackedHours)
        {
            return;
        }

        foreach (var hour in _writers.Keys.Order().Take(_writers.Count - MaxTrackedHours))
        {
            if (_writers.TryGetValue(hour, out var writer) && writer.IsIdle)
            {
                // A caller that fetched this writer just before is still safe: appends and the max-size condition are atomic in the service.
                _writers.TryRemove(KeyValuePair.Create(hour, writer));
            }
        }
    }
}
