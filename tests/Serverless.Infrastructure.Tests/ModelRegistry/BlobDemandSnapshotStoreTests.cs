using Serverless.Domain.Models;
using Serverless.Infrastructure.ModelRegistry;
using Serverless.Infrastructure.Storage;
using Serverless.Infrastructure.Tests.Storage;
using Serverless.Infrastructure.Training;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.ModelRegistry;

[Collection(EmulatorCollection.Name)]
public sealed class BlobDemandSnapshotStoreTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private readonly BlobStorageClient _blobs = new(StorageAccount.Parse(fixture.StorageConnectionString));
    private readonly string _container = StorageTestNames.Unique("training");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _blobs.DeleteContainerIfExistsAsync(_container);

    [Fact]
    public async Task The_snapshot_round_trips_and_is_replaced_only_with_its_etag()
    {
        var store = new BlobDemandSnapshotStore(_blobs, new ModelRegistryOptions { TrainingContainerName = _container });
        var hour = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
        var sample = new DemandSnapshot
        {
            MergedAt = hour.AddDays(1),
            Hours =
            [
                new DemandSnapshotHour(hour, hour.AddMinutes(59), 2, [new DemandSnapshotLine("p-1", 3, "Kitchen", hour.AddMinutes(5)), new DemandSnapshotLine("p-2", 1.5, null, hour.AddMinutes(7))]),
                new DemandSnapshotHour(hour.AddHours(1), hour.AddHours(2), 0, []),
            ],
        };
        Assert.Null(await store.GetAsync(CancellationToken.None));

        var created = await store.TrySaveAsync(sample, null, CancellationToken.None);
        var createdAgain = await store.TrySaveAsync(DemandSnapshot.Empty, null, CancellationToken.None);
        var read = await store.GetAsync(CancellationToken.None);
        var replaced = await store.TrySaveAsync(DemandSnapshot.Empty, created, CancellationToken.None);
        var stale = await store.TrySaveAsync(sample, created, CancellationToken.None);

        Assert.NotNull(created);
        Assert.Null(createdAgain);
        Assert.Equal(created, read!.ETag);
        Assert.Equal(sample.MergedAt, read.Value.MergedAt);
        Assert.Equal(2, read.Value.Hours.Count);
        Assert.Equal(sample.Hours[0] with { Lines = [] }, read.Value.Hours[0] with { Lines = [] });
        Assert.Equal(sample.Hours[0].Lines, read.Value.Hours[0].Lines);
        Assert.Empty(read.Value.Hours[1].Lines);
        Assert.NotNull(replaced);
        Assert.Null(stale);
        Assert.Empty((await store.GetAsync(CancellationToken.None))!.Value.Hours);
    }
}
