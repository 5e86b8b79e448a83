using Serverless.Infrastructure.Storage;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Storage;

[Collection(EmulatorCollection.Name)]
public sealed class BlobStorageClientTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private readonly BlobStorageClient _client = new(StorageAccount.Parse(fixture.StorageConnectionString));
    private readonly string _container = StorageTestNames.Unique("blobs");

    public async Task InitializeAsync() => Assert.True(await _client.CreateContainerIfNotExistsAsync(_container));

    public async Task DisposeAsync() => await _client.DeleteContainerIfExistsAsync(_container);

    [Fact]
    public async Task CreateContainerIfNotExists_reports_an_existing_container()
    {
        Assert.False(await _client.CreateContainerIfNotExistsAsync(_container));
    }

    [Fact]
    public async Task Put_then_get_round_trips_content_type_and_etag()
    {
        var written = await _client.PutBlockBlobAsync(_container, "models/m1/manifest.json", BinaryData.FromString("{\"a\":1}"), "application/json");

        var read = await _client.GetBlobAsync(_container, "models/m1/manifest.json");
        var properties = await _client.GetPropertiesAsync(_container, "models/m1/manifest.json");

        Assert.NotNull(read);
        Assert.Equal("{\"a\":1}", read.Content.ToString());
        Assert.Equal(written.ETag, read.Properties.ETag);
        Assert.Equal("application/json", read.Properties.ContentType);
        Assert.Equal("BlockBlob", read.Properties.BlobType);
        Assert.Equal(written, new BlobInfo(properties!.ETag, properties.LastModified));
        Assert.Equal(7, properties.ContentLength);
        Assert.StartsWith("\"", written.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_with_spaces_and_non_ascii_characters_are_signed_and_stored_as_given()
    {
        const string name = "odd names/ünïcødé + space & more=1.txt";

        await _client.PutBlockBlobAsync(_container, name, BinaryData.FromString("x"));

        Assert.Equal("x", (await _client.GetBlobAsync(_container, name))?.Content.ToString());
        var listed = await _client.ListBlobsAsync(_container, "odd names/").ToListAsync();
        Assert.Equal(name, Assert.Single(listed).Name);
    }

    [Fact]
    public async Task Missing_blobs_read_as_null_and_delete_reports_absence()
    {
        Assert.Null(await _client.GetBlobAsync(_container, "nope"));
        Assert.Null(await _client.GetPropertiesAsync(_container, "nope"));
        Assert.Null(await _client.GetBlobAsync(StorageTestNames.Unique("missing"), "nope"));
        Assert.False(await _client.DeleteBlobAsync(_container, "nope"));

        await _client.PutBlockBlobAsync(_container, "gone", BinaryData.FromString("x"));
        Assert.True(await _client.DeleteBlobAsync(_container, "gone"));
        Assert.Null(await _client.GetBlobAsync(_container, "gone"));
    }

    [Fact]
    public async Task If_match_with_a_stale_etag_fails_with_412_and_the_current_etag_succeeds()
    {
        var first = await _client.PutBlockBlobAsync(_container, "current.json", BinaryData.FromString("v1"));
        var second = await _client.PutBlockBlobAsync(_container, "current.json", BinaryData.FromString("v2"), conditions: BlobConditions.IfETagMatches(first.ETag));

        var stale = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            _client.PutBlockBlobAsync(_container, "current.json", BinaryData.FromString("v3"), conditions: BlobConditions.IfETagMatches(first.ETag)));

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(412, stale.Status);
        Assert.Equal(StorageErrorCodes.ConditionNotMet, stale.ErrorCode);
        Assert.True(stale.IsConflictOrPreconditionFailed);
        Assert.Equal("v2", (await _client.GetBlobAsync(_container, "current.json"))?.Content.ToString());
    }

    [Fact]
    public async Task If_none_match_star_creates_once_then_refuses()
    {
        await _client.PutBlockBlobAsync(_container, "once", BinaryData.FromString("first"), conditions: BlobConditions.IfNotExists);

        var exists = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            _client.PutBlockBlobAsync(_container, "once", BinaryData.FromString("second"), conditions: BlobConditions.IfNotExists));

        Assert.True(exists.IsConflictOrPreconditionFailed, $"status {exists.Status}");
        Assert.Equal("first", (await _client.GetBlobAsync(_container, "once"))?.Content.ToString());
    }

    [Fact]
    public async Task Append_blob_grows_by_blocks_and_honours_max_size_and_position()
    {
        await _client.CreateAppendBlobAsync(_container, "log.jsonl", "application/x-ndjson", BlobConditions.IfNotExists);

        var first = await _client.AppendBlockAsync(_container, "log.jsonl", BinaryData.FromString("line one\n"));
        var second = await _client.AppendBlockAsync(
            _container, "log.jsonl", BinaryData.FromString("line two\n"), new AppendBlockConditions(MaxSize: 18, AppendPosition: 9));
        var tooBig = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            _client.AppendBlockAsync(_container, "log.jsonl", BinaryData.FromString("x"), new AppendBlockConditions(MaxSize: 18)));
        var wrongPosition = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            _client.AppendBlockAsync(_container, "log.jsonl", BinaryData.FromString("x"), new AppendBlockConditions(AppendPosition: 9)));
        var recreate = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            _client.CreateAppendBlobAsync(_container, "log.jsonl", conditions: BlobConditions.IfNotExists));

        Assert.Equal((0L, 1), (first.AppendOffset, first.CommittedBlockCount));
        Assert.Equal((9L, 2), (second.AppendOffset, second.CommittedBlockCount));
        Assert.Equal((412, StorageErrorCodes.MaxBlobSizeConditionNotMet), (tooBig.Status, tooBig.ErrorCode));
        Assert.Equal((412, StorageErrorCodes.AppendPositionConditionNotMet), (wrongPosition.Status, wrongPosition.ErrorCode));
        Assert.True(recreate.IsConflictOrPreconditionFailed);
        var properties = await _client.GetPropertiesAsync(_container, "log.jsonl");
        Assert.Equal(("AppendBlob", 18L, 2), (properties?.BlobType, properties?.ContentLength, properties?.CommittedBlockCount));
        Assert.Equal("application/x-ndjson", properties?.ContentType);
        Assert.Equal("line one\nline two\n", (await _client.GetBlobAsync(_container, "log.jsonl"))?.Content.ToString());
    }

    [Fact]
    public async Task Appending_to_a_missing_blob_is_a_typed_404()
    {
        var missing = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            _client.AppendBlockAsync(_container, "absent.log", BinaryData.FromString("x")));

        Assert.True(missing.IsNotFound);
        Assert.Equal(StorageErrorCodes.BlobNotFound, missing.ErrorCode);
    }

    [Fact]
    public async Task Listing_filters_by_prefix_and_follows_markers_across_small_pages()
    {
        var expected = Enumerable.Range(0, 7).Select(i => $"events/2024/01/0{i}/00/w-0.jsonl").ToList();
        foreach (var name in expected.Concat(["other/a", "eventsX", "events.txt"]))
        {
            await _client.PutBlockBlobAsync(_container, name, BinaryData.FromString(name));
        }

        var listed = await _client.ListBlobsAsync(_container, "events/", pageSize: 2).ToListAsync();
        var all = await _client.ListBlobsAsync(_container).ToListAsync();

        Assert.Equal(expected, listed.Select(blob => blob.Name));
        Assert.Equal(10, all.Count);
        var first = listed[0];
        var properties = await _client.GetPropertiesAsync(_container, first.Name);
        Assert.Equal(properties?.ETag, first.ETag);
        Assert.Equal(first.Name.Length, first.ContentLength);
        Assert.Equal("BlockBlob", first.BlobType);
    }

    [Fact]
    public async Task Listing_a_missing_container_is_a_typed_404()
    {
        var missing = await Assert.ThrowsAsync<StorageRequestFailedException>(async () =>
            await _client.ListBlobsAsync(StorageTestNames.Unique("missing")).ToListAsync());

        Assert.Equal(StorageErrorCodes.ContainerNotFound, missing.ErrorCode);
    }

    [Fact]
    public async Task A_wrong_account_key_is_rejected_so_signing_is_really_checked()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var account = StorageAccount.WithSharedKey(
            StorageAccount.Parse(fixture.StorageConnectionString).BlobEndpoint,
            StorageAccount.Parse(fixture.StorageConnectionString).QueueEndpoint,
            new StorageSharedKeyCredential(StorageAccount.DevelopmentAccountName, wrongKey));
        var client = new BlobStorageClient(account);

        var denied = await Assert.ThrowsAsync<StorageRequestFailedException>(() => client.GetPropertiesAsync(_container, "any"));

        Assert.Equal(403, denied.Status);
    }
}
