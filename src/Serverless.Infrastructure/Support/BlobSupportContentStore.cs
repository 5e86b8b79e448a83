using System.Text;
using Serverless.Domain.Ports;
using Serverless.Domain.Support;
using Serverless.Infrastructure.Storage;

namespace Serverless.Infrastructure.Support;

/// <summary>
/// <see cref="ISupportContentStore"/> over Blob storage: <c>{container}/knowledge/{articleId}.md</c> and
/// <c>{container}/utterances/*.csv</c>. A missing container reads as empty and is created on the first write.
/// </summary>
public sealed class BlobSupportContentStore(BlobStorageClient blobs, SupportContentOptions options) : ISupportContentStore
{
    public const string KnowledgePrefix = "knowledge/";
    public const string UtterancesPrefix = "utterances/";

    private volatile bool _containerExists;

    public async Task<IReadOnlyList<KnowledgeArticle>> ListArticlesAsync(CancellationToken cancellationToken)
    {
        var articles = new List<KnowledgeArticle>();
        foreach (var (name, text) in await ReadAllAsync(KnowledgePrefix, ".md", cancellationToken).ConfigureAwait(false))
        {
            articles.Add(new KnowledgeArticle(name[KnowledgePrefix.Length..^".md".Length], text));
        }

        return articles;
    }

    public async Task SaveArticleAsync(KnowledgeArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentException.ThrowIfNullOrWhiteSpace(article.ArticleId);
        if (!_containerExists)
        {
            await blobs.CreateContainerIfNotExistsAsync(options.ContainerName, cancellationToken).ConfigureAwait(false);
            _containerExists = true;
        }

        await blobs.PutBlockBlobAsync(
            options.ContainerName, KnowledgePrefix + article.ArticleId + ".md", BinaryData.FromString(article.Markdown),
            "text/markdown; charset=utf-8", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(string Name, string Csv)>> ListUtteranceFilesAsync(CancellationToken cancellationToken) =>
        await ReadAllAsync(UtterancesPrefix, ".csv", cancellationToken).ConfigureAwait(false);

    private async Task<List<(string Name, string Text)>> ReadAllAsync(string prefix, string extension, CancellationToken cancellationToken)
    {
        var files = new List<(string, string)>();
        try
        {
            await foreach (var blob in blobs.ListBlobsAsync(options.ContainerName, prefix, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!blob.Name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) || blob.Name.Length <= prefix.Length + extension.Length)
                {
                    continue;
                }

                var download = await blobs.GetBlobAsync(options.ContainerName, blob.Name, cancellationToken).ConfigureAwait(false);
                if (download is not null)
                {
                    files.Add((blob.Name, Encoding.UTF8.GetString(download.Content.ToMemory().Span).TrimStart('\uFEFF')));
                }
            }
        }
        catch (StorageRequestFailedException exception) when (exception.ErrorCode == StorageErrorCodes.ContainerNotFound)
        {
            // Nothing stored yet.
        }

        return files;
    }
}
