using Serverless.Domain.Support;
using Serverless.Infrastructure.Storage;
using Serverless.Infrastructure.Support;
using Serverless.Infrastructure.Tests.Storage;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Support;

[Collection(EmulatorCollection.Name)]
public sealed class BlobSupportContentStoreTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private readonly BlobStorageClient _blobs = new(StorageAccount.Parse(fixture.StorageConnectionString));
    private readonly string _container = StorageTestNames.Unique("support");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _blobs.DeleteContainerIfExistsAsync(_container);

    [Fact]
    public async Task Articles_and_utterance_files_are_read_back_by_prefix_and_a_missing_container_reads_as_empty()
    {
        var store = new BlobSupportContentStore(_blobs, new SupportContentOptions { ContainerName = _container });
        Assert.Empty(await store.ListArticlesAsync(CancellationToken.None));
        Assert.Empty(await store.ListUtteranceFilesAsync(CancellationToken.None));

        await store.SaveArticleAsync(new KnowledgeArticle("returns", "# Returns\n\n## 退货期限\n30天内可退货。"), CancellationToken.None);
        await store.SaveArticleAsync(new KnowledgeArticle("payment", "# Payment"), CancellationToken.None);
        await _blobs.PutBlockBlobAsync(_container, "utterances/shop.csv", BinaryData.FromString("text,label\n订单号在哪,track_order\n"));
        await _blobs.PutBlockBlobAsync(_container, "utterances/notes.txt", BinaryData.FromString("ignored"));

        var articles = await store.ListArticlesAsync(CancellationToken.None);
        var files = await store.ListUtteranceFilesAsync(CancellationToken.None);

        Assert.Equal(["payment", "returns"], articles.Select(a => a.ArticleId));
        Assert.Equal("# Returns\n\n## 退货期限\n30天内可退货。", articles[1].Markdown);
        var file = Assert.Single(files);
        Assert.Equal(("utterances/shop.csv", "text,label\n订单号在哪,track_order\n"), (file.Name, file.Csv));
    }
}
