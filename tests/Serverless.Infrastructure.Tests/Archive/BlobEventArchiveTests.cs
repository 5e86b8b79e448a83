using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Infrastructure.Archive;
using Serverless.Infrastructure.Storage;
using Serverless.Infrastructure.Tests.Storage;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Archive;

[Collection(EmulatorCollection.Name)]
public sealed class BlobEventArchiveTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Evening = new(2024, 3, 10, 22, 0, 0, TimeSpan.Zero);

    private readonly BlobStorageClient _blobs = new(StorageAccount.Parse(fixture.StorageConnectionString));
    private readonly string _container = StorageTestNames.Unique("archive");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _blobs.DeleteContainerIfExistsAsync(_container);

    [Fact]
    public async Task Events_are_partitioned_by_utc_hour_and_read_back_once_each_within_the_range()
    {
        var archive = Archive("host-a");
        var e1 = Event("e1", Evening.AddMinutes(5));
        var e2 = Event("e2", Evening.AddMinutes(59).AddSeconds(59));
        var e3 = Event("e3", Evening.AddMinutes(70)) with { Price = 12.34m, Properties = new Dictionary<string, string> { ["utm"] = "mail" } };
        var e4 = Event("e4", Evening.AddHours(2).AddMinutes(20));
        var e5 = Event("e5", new DateTimeOffset(2024, 3, 11, 1, 0, 0, TimeSpan.FromHours(2))); // 23:00 UTC

        await archive.AppendAsync([e1, e2, e3], CancellationToken.None);
        await archive.AppendAsync([e3, e4, e5], CancellationToken.None); // e3 redelivered
        await archive.AppendAsync([e1], CancellationToken.None);

        var all = await archive.ReadAsync(Evening, Evening.AddHours(3), CancellationToken.None).ToListAsync();
        var window = await archive.ReadAsync(Evening.AddMinutes(30), Evening.AddMinutes(70), CancellationToken.None).ToListAsync();
        var names = await _blobs.ListBlobsAsync(_container).Select(blob => blob.Name).ToListAsync();

        Assert.Equal(["e1", "e2", "e3", "e5", "e4"], all.Select(e => e.EventId));
        Assert.Equal(Json(e3), Json(all[2]));
        Assert.Equal(["e2", "e5"], window.Select(e => e.EventId));
        Assert.Equal(
            ["events/2024/03/10/22/host-a-0.jsonl", "events/2024/03/10/23/host-a-0.jsonl", "events/2024/03/11/00/host-a-0.jsonl"],
            names);
    }

    [Fact]
    public async Task Lines_are_domain_json_one_event_per_line()
    {
        var archive = Archive("host-j");
        await archive.AppendAsync([Event("a", Evening), Event("b", Evening)], CancellationToken.None);

        var blob = await _blobs.GetBlobAsync(_container, "events/2024/03/10/22/host-j-0.jsonl");

        Assert.Equal(Json(Event("a", Evening)) + "\n" + Json(Event("b", Evening)) + "\n", blob?.Content.ToString());
        Assert.Contains("\"type\":\"add_to_cart\"", blob?.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_blob_rolls_over_to_the_next_index_and_reads_back_in_index_order()
    {
        // About 150 bytes a line: two lines fill a blob, so 24 events need 12 blobs (index 10 and 11 must sort after 9).
        var archive = Archive("host-r", maxBlobBytes: 400);
        var events = Enumerable.Range(0, 24).Select(i => Event($"r{i:00}", Evening.AddMinutes(i))).ToList();

        foreach (var behaviorEvent in events)
        {
            await archive.AppendAsync([behaviorEvent], CancellationToken.None);
        }

        var blobs = await _blobs.ListBlobsAsync(_container).ToListAsync();
        var read = await archive.ReadAsync(Evening, Evening.AddHours(1), CancellationToken.None).ToListAsync();

        Assert.Equal(
            Enumerable.Range(0, 12).Select(i => $"events/2024/03/10/22/host-r-{i}.jsonl").Order(StringComparer.Ordinal),
            blobs.Select(blob => blob.Name));
        Assert.All(blobs, blob => Assert.InRange(blob.ContentLength, 1, 400));
        Assert.Equal(events.Select(e => e.EventId), read.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_restarted_writer_continues_its_blob_and_skips_full_ones()
    {
        await Archive("host-s").AppendAsync([Event("s1", Evening), Event("s2", Evening)], CancellationToken.None);
        await Archive("host-s").AppendAsync([Event("s3", Evening)], CancellationToken.None);
        var smallLimit = Archive("host-s", maxBlobBytes: 100);
        await smallLimit.AppendAsync([Event("s4", Evening)], CancellationToken.None);

        var names = await _blobs.ListBlobsAsync(_container).Select(blob => blob.Name).ToListAsync();
        var read = await smallLimit.ReadAsync(Evening, Evening.AddHours(1), CancellationToken.None).ToListAsync();

        Assert.Equal(["events/2024/03/10/22/host-s-0.jsonl", "events/2024/03/10/22/host-s-1.jsonl"], names);
        Assert.Equal(["s1", "s2", "s3", "s4"], read.Select(e => e.EventId));
    }

    [Fact]
    public async Task Concurrent_appends_from_many_tasks_lose_and_duplicate_nothing()
    {
        var archive = Archive("host-c", maxBlobBytes: 16 * 1024);
        var calls = Enumerable.Range(0, 300)
            .Select(i => (IReadOnlyList<BehaviorEvent>)Enumerable.Range(0, 1 + (i % 3))
                .Select(j => Event($"c{i:000}-{j}", Evening.AddMinutes((i * 7 + j * 13) % 180)))
                .ToList())
            .ToList();

        await Task.WhenAll(calls.Select(events => Task.Run(() => archive.AppendAsync(events, CancellationToken.None))));

        var expected = calls.SelectMany(events => events).Select(e => e.EventId).Order(StringComparer.Ordinal).ToList();
        var read = await archive.ReadAsync(Evening, Evening.AddHours(3), CancellationToken.None).ToListAsync();
        var lines = 0;
        await foreach (var blob in _blobs.ListBlobsAsync(_container))
        {
            Assert.InRange(blob.ContentLength, 1, 16 * 1024);
            lines += (await _blobs.GetBlobAsync(_container, blob.Name))!.Content.ToString().Count(c => c == '\n');
        }

        Assert.Equal(expected, read.Select(e => e.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, lines);
    }

    [Fact]
    public async Task A_torn_last_line_and_an_unreadable_line_are_skipped()
    {
        await _blobs.CreateContainerIfNotExistsAsync(_container);
        const string name = "events/2024/03/10/22/foreign-0.jsonl";
        await _blobs.CreateAppendBlobAsync(_container, name);
        var content = Json(Event("t1", Evening)) + "\nnot json\n\n" + Json(Event("t2", Evening)) + "\n{\"eventId\":\"t3\",\"us";
        await _blobs.AppendBlockAsync(_container, name, BinaryData.FromString(content));

        var read = await Archive("reader").ReadAsync(Evening, Evening.AddHours(1), CancellationToken.None).ToListAsync();

        Assert.Equal(["t1", "t2"], read.Select(e => e.EventId));
    }

    [Fact]
    public async Task ListHours_reports_hours_with_data_from_listings()
    {
        var archive = Archive("host-h");
        await archive.AppendAsync([Event("h1", Evening), Event("h2", Evening.AddHours(1)), Event("h3", Evening.AddHours(1))], CancellationToken.None);
        await Archive("host-i").AppendAsync([Event("h4", Evening.AddHours(1))], CancellationToken.None);

        var hours = await archive.ListHoursAsync(Evening, Evening.AddDays(2), CancellationToken.None);
        var later = await archive.ListHoursAsync(Evening.AddMinutes(1).AddHours(1), Evening.AddDays(2), CancellationToken.None);
        var blobs = await _blobs.ListBlobsAsync(_container, "events/2024/03/10/23/").ToListAsync();

        Assert.Equal([Evening, Evening.AddHours(1)], hours.Select(hour => hour.Hour));
        Assert.Equal([1, 2], hours.Select(hour => hour.BlobCount));
        Assert.Equal(blobs.Sum(blob => blob.ContentLength), hours[1].TotalBytes);
        Assert.Equal(blobs.Max(blob => blob.LastModified), hours[1].LastModified);
        Assert.Equal([Evening.AddHours(1)], later.Select(hour => hour.Hour));
    }

    [Fact]
    public async Task An_absent_archive_or_an_empty_range_reads_nothing()
    {
        var archive = Archive("host-e");

        Assert.Empty(await archive.ReadAsync(Evening, Evening.AddDays(1), CancellationToken.None).ToListAsync());
        Assert.Empty(await archive.ListHoursAsync(Evening, Evening.AddDays(1), CancellationToken.None));
        await archive.AppendAsync([Event("x", Evening)], CancellationToken.None);
        Assert.Empty(await archive.ReadAsync(Evening.AddHours(1), Evening, CancellationToken.None).ToListAsync());
        Assert.Empty(await archive.ReadAsync(Evening, Evening, CancellationToken.None).ToListAsync());
        await archive.AppendAsync([], CancellationToken.None);
    }

    private BlobEventArchive Archive(string writerId, long maxBlobBytes = EventArchiveOptions.DefaultMaxBlobBytes) =>
        new(_blobs, new EventArchiveOptions { ContainerName = _container, WriterId = writerId, MaxBlobBytes = maxBlobBytes }, NullLogger<BlobEventArchive>.Instance);

    private static BehaviorEvent Event(string id, DateTimeOffset occurredAt) => new()
    {
        EventId = id,
        UserId = "user-1",
        Type = BehaviorEventType.AddToCart,
        OccurredAt = occurredAt,
        ProductId = "p-1",
        Quantity = 2,
    };

    private static string Json(BehaviorEvent behaviorEvent) => JsonSerializer.Serialize(behaviorEvent, DomainJson.Options);
}
