using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Domain.Events;
using Serverless.Domain.Models;
using Serverless.Infrastructure.Archive;
using Serverless.Infrastructure.ModelRegistry;
using Serverless.Infrastructure.Storage;
using Serverless.Infrastructure.Tests.Storage;
using Serverless.Infrastructure.Training;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.ModelRegistry;

[Collection(EmulatorCollection.Name)]
public sealed class BlobInteractionSnapshotStoreTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private readonly BlobStorageClient _blobs = new(StorageAccount.Parse(fixture.StorageConnectionString));
    private readonly string _container = StorageTestNames.Unique("training");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _blobs.DeleteContainerIfExistsAsync(_container);

    [Fact]
    public async Task The_snapshot_is_created_once_and_then_replaced_only_with_its_etag()
    {
        var store = new BlobInteractionSnapshotStore(_blobs, new ModelRegistryOptions { TrainingContainerName = _container });
        Assert.Null(await store.GetAsync(CancellationToken.None));

        var created = await store.TrySaveAsync(InteractionSnapshotFormatTests.Sample(), null, CancellationToken.None);
        var createdAgain = await store.TrySaveAsync(InteractionSnapshot.Empty, null, CancellationToken.None);
        var replaced = await store.TrySaveAsync(InteractionSnapshot.Empty, created, CancellationToken.None);
        var stale = await store.TrySaveAsync(InteractionSnapshotFormatTests.Sample(), created, CancellationToken.None);
        var read = await store.GetAsync(CancellationToken.None);

        Assert.NotNull(created);
        Assert.Null(createdAgain);
        Assert.NotNull(replaced);
        Assert.Null(stale);
        Assert.Equal(replaced, read!.ETag);
        Assert.Empty(read.Value.Hours);
        Assert.NotNull(await _blobs.GetPropertiesAsync(_container, BlobInteractionSnapshotStore.BlobName));
    }

    [Fact]
    public async Task The_archive_index_lists_hours_with_data_and_a_late_event_moves_its_hours_last_modified()
    {
        var archiveContainer = StorageTestNames.Unique("archive");
        try
        {
            var archive = new BlobEventArchive(
                _blobs, new EventArchiveOptions { ContainerName = archiveContainer, WriterId = "w" }, NullLogger<BlobEventArchive>.Instance);
            var index = new BlobEventArchiveIndex(archive);
            var ten = new DateTimeOffset(2025, 1, 2, 10, 0, 0, TimeSpan.Zero);
            await archive.AppendAsync([View("a", ten.AddMinutes(1)), View("b", ten.AddHours(2))], CancellationToken.None);

            var before = await index.ListHoursAsync(ten.AddDays(-1), ten.AddDays(1), CancellationToken.None);
            await Task.Delay(1100); // Last-Modified has one-second resolution.
            await archive.AppendAsync([View("c", ten.AddMinutes(30))], CancellationToken.None);
            var after = await index.ListHoursAsync(ten.AddDays(-1), ten.AddDays(1), CancellationToken.None);

            Assert.Equal([ten, ten.AddHours(2)], before.Select(h => h.Hour));
            Assert.True(after[0].LastModified > before[0].LastModified);
            Assert.Equal(before[1].LastModified, after[1].LastModified);
        }
        finally
        {
            await _blobs.DeleteContainerIfExistsAsync(archiveContainer);
        }
    }

    private static BehaviorEvent View(string id, DateTimeOffset at) => new()
    {
        EventId = id,
        UserId = "u",
        Type = BehaviorEventType.View,
        OccurredAt = at,
        ProductId = "p",
    };
}
