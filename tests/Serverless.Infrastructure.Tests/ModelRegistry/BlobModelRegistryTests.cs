using System.Text;
using Serverless.Domain.Models;
using Serverless.Infrastructure.ModelRegistry;
using Serverless.Infrastructure.Storage;
using Serverless.Infrastructure.Tests.Storage;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.ModelRegistry;

[Collection(EmulatorCollection.Name)]
public sealed class BlobModelRegistryTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 3, 0, 0, TimeSpan.Zero);

    private readonly BlobStorageClient _blobs = new(StorageAccount.Parse(fixture.StorageConnectionString));
    private readonly string _container = StorageTestNames.Unique("models");
    private BlobModelRegistry _registry = null!;

    public Task InitializeAsync()
    {
        _registry = new BlobModelRegistry(_blobs, new ModelRegistryOptions { ContainerName = _container });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _blobs.DeleteContainerIfExistsAsync(_container);

    [Fact]
    public async Task A_saved_version_is_listed_newest_first_with_its_manifest_and_files_at_the_documented_paths()
    {
        await _registry.SaveVersionAsync(Manifest("v1", Monday), Files("one"), CancellationToken.None);
        await _registry.SaveVersionAsync(Manifest("v2", Monday.AddDays(1)) with { Metrics = new Dictionary<string, double> { ["ndcg@10"] = 0.25 } },
            Files("two"), CancellationToken.None);

        var versions = await _registry.ListVersionsAsync("recommender", CancellationToken.None);
        var names = await _blobs.ListBlobsAsync(_container).Select(blob => blob.Name).ToListAsync();

        Assert.Equal(["v2", "v1"], versions.Select(v => v.Version));
        Assert.Equal(0.25, versions[0].Metrics["ndcg@10"]);
        Assert.Equal(["model.bin", "popularity.json"], versions[0].Artifacts);
        Assert.Equal(
            ["recommender/v1/manifest.json", "recommender/v1/model.bin", "recommender/v1/popularity.json",
             "recommender/v2/manifest.json", "recommender/v2/model.bin", "recommender/v2/popularity.json"],
            names);
        Assert.Equal("two", Encoding.UTF8.GetString((await _registry.ReadArtifactAsync("recommender", "v2", "model.bin", CancellationToken.None))!));
        Assert.Null(await _registry.ReadArtifactAsync("recommender", "v9", "model.bin", CancellationToken.None));
        Assert.Equal(["recommender"], await _registry.ListModelsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Saving_an_existing_version_again_fails_and_leaves_the_first_intact()
    {
        await _registry.SaveVersionAsync(Manifest("v1", Monday), Files("first"), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _registry.SaveVersionAsync(Manifest("v1", Monday), Files("second"), CancellationToken.None));

        Assert.Equal("first", Encoding.UTF8.GetString((await _registry.ReadArtifactAsync("recommender", "v1", "model.bin", CancellationToken.None))!));
    }

    [Fact]
    public async Task The_pointer_is_created_once_then_replaced_only_with_its_current_etag()
    {
        Assert.Null(await _registry.GetCurrentAsync("recommender", CancellationToken.None));
        Assert.Null(await _registry.GetCurrentETagAsync("recommender", CancellationToken.None));

        var first = await _registry.TrySetCurrentAsync(Pointer("v1"), etag: null, CancellationToken.None);
        var secondCreate = await _registry.TrySetCurrentAsync(Pointer("v2"), etag: null, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(secondCreate);

        var promoted = await _registry.TrySetCurrentAsync(Pointer("v2") with { PreviousVersion = "v1" }, first, CancellationToken.None);
        var stale = await _registry.TrySetCurrentAsync(Pointer("v3"), first, CancellationToken.None);
        var current = await _registry.GetCurrentAsync("recommender", CancellationToken.None);

        Assert.NotNull(promoted);
        Assert.Null(stale);
        Assert.Equal("v2", current!.Value.Version);
        Assert.Equal("v1", current.Value.PreviousVersion);
        Assert.Equal(promoted, current.ETag);
        Assert.Equal(promoted, await _registry.GetCurrentETagAsync("recommender", CancellationToken.None));
    }

    [Fact]
    public async Task Rollback_is_a_pointer_change_back_to_a_stored_version()
    {
        await _registry.SaveVersionAsync(Manifest("v1", Monday), Files("one"), CancellationToken.None);
        await _registry.SaveVersionAsync(Manifest("v2", Monday.AddDays(1)), Files("two"), CancellationToken.None);
        var etag = await _registry.TrySetCurrentAsync(Pointer("v1"), null, CancellationToken.None);
        etag = await _registry.TrySetCurrentAsync(Pointer("v2") with { PreviousVersion = "v1" }, etag, CancellationToken.None);

        var rolledBack = await _registry.TrySetCurrentAsync(Pointer("v1") with { PreviousVersion = "v2", Reason = "rollback" }, etag, CancellationToken.None);
        var current = (await _registry.GetCurrentAsync("recommender", CancellationToken.None))!.Value;
        var model = await _registry.ReadArtifactAsync("recommender", current.Version, "model.bin", CancellationToken.None);

        Assert.NotNull(rolledBack);
        Assert.Equal(("v1", "rollback"), (current.Version, current.Reason));
        Assert.Equal("one", Encoding.UTF8.GetString(model!));
        Assert.Equal(2, (await _registry.ListVersionsAsync("recommender", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Of_many_writers_racing_from_the_same_etag_exactly_one_wins()
    {
        var start = await _registry.TrySetCurrentAsync(Pointer("v0"), null, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Task.Run(() => _registry.TrySetCurrentAsync(Pointer($"v{i}"), start, CancellationToken.None))));
        var current = await _registry.GetCurrentAsync("recommender", CancellationToken.None);

        var winners = results.Select((etag, i) => (etag, Version: $"v{i + 1}")).Where(r => r.etag is not null).ToList();
        var winner = Assert.Single(winners);
        Assert.Equal(winner.Version, current!.Value.Version);
        Assert.Equal(winner.etag, current.ETag);
    }

    [Fact]
    public async Task Racing_creators_of_the_first_pointer_also_have_exactly_one_winner()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            Task.Run(() => _registry.TrySetCurrentAsync(Pointer($"v{i}"), null, CancellationToken.None))));

        Assert.Single(results, etag => etag is not null);
    }

    [Fact]
    public async Task A_manifest_can_be_updated_but_not_created_by_an_update_and_deleting_a_version_unlists_it()
    {
        await _registry.SaveVersionAsync(Manifest("v1", Monday), Files("one"), CancellationToken.None);
        await _registry.SaveVersionAsync(Manifest("v2", Monday.AddHours(1)), Files("two"), CancellationToken.None);

        await _registry.UpdateManifestAsync(Manifest("v1", Monday) with { Decision = ModelDecision.PromotionConflict, Reason = "lost the race" }, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _registry.UpdateManifestAsync(Manifest("v7", Monday), CancellationToken.None));
        var deleted = await _registry.DeleteVersionAsync("recommender", "v2", CancellationToken.None);
        var deletedAgain = await _registry.DeleteVersionAsync("recommender", "v2", CancellationToken.None);

        var versions = await _registry.ListVersionsAsync("recommender", CancellationToken.None);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        var remaining = Assert.Single(versions);
        Assert.Equal((ModelDecision.PromotionConflict, "lost the race"), (remaining.Decision, remaining.Reason));
        Assert.Null(await _registry.GetManifestAsync("recommender", "v7", CancellationToken.None));
    }

    [Fact]
    public async Task An_absent_container_reads_as_an_empty_registry()
    {
        Assert.Empty(await _registry.ListModelsAsync(CancellationToken.None));
        Assert.Empty(await _registry.ListVersionsAsync("recommender", CancellationToken.None));
        Assert.Null(await _registry.GetManifestAsync("recommender", "v1", CancellationToken.None));
    }

    [Theory]
    [InlineData("Recommender")]
    [InlineData("../x")]
    [InlineData("_hidden")]
    [InlineData("")]
    public async Task Names_that_are_not_safe_path_segments_are_refused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _registry.ListVersionsAsync(name, CancellationToken.None));
    }

    private static ModelManifest Manifest(string version, DateTimeOffset createdAt) => new()
    {
        Name = "recommender",
        Version = version,
        Kind = "item-knn",
        CreatedAt = createdAt,
        Decision = ModelDecision.Promoted,
        Reason = "test",
        Parameters = new Dictionary<string, string> { ["Trainer"] = "ItemKnn" },
        RowCounts = new Dictionary<string, long> { ["interactions"] = 42 },
    };

    private static ModelArtifact[] Files(string model) =>
    [
        new(ModelArtifact.ModelFileName, Encoding.UTF8.GetBytes(model)),
        new("popularity.json", "{}"u8.ToArray()),
    ];

    private static ModelPointer Pointer(string version) => new()
    {
        Name = "recommender",
        Version = version,
        UpdatedAt = Monday,
        Reason = "promoted",
    };
}
