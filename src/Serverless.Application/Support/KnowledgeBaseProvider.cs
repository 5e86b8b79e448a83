using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Recommendations;
using Serverless.Domain.Ports;
using Serverless.Domain.Support;
using Serverless.Learning.Retrieval;

namespace Serverless.Application.Support;

/// <summary>
/// The knowledge base: the Markdown articles in Blob storage (<see cref="ISupportContentStore"/>), split into passages
/// and indexed with BM25, read again every <c>Support:RefreshSeconds</c>. When the store holds no article and
/// <c>Support:KnowledgeSeedPath</c> is set, that folder's <c>*.md</c> files (README.md excepted) are stored first.
/// </summary>
public sealed class KnowledgeBaseProvider
{
    private readonly PeriodicRefresh<KnowledgeBase> _knowledge;

    public KnowledgeBaseProvider(
        ISupportContentStore store, IOptions<SupportOptions> options, TimeProvider timeProvider, ILogger<KnowledgeBaseProvider> logger)
    {
        var seed = options.Value.KnowledgeSeedPath;
        _knowledge = new PeriodicRefresh<KnowledgeBase>(
            async (_, cancellationToken) =>
            {
                var articles = await store.ListArticlesAsync(cancellationToken);
                if (articles.Count == 0 && !string.IsNullOrWhiteSpace(seed))
                {
                    foreach (var file in Directory.EnumerateFiles(seed, "*.md").Order(StringComparer.Ordinal))
                    {
                        var id = Path.GetFileNameWithoutExtension(file);
                        if (!id.Equals("README", StringComparison.OrdinalIgnoreCase))
                        {
                            await store.SaveArticleAsync(new KnowledgeArticle(id, await File.ReadAllTextAsync(file, Encoding.UTF8, cancellationToken)), cancellationToken);
                        }
                    }

                    articles = await store.ListArticlesAsync(cancellationToken);
                    logger.LogInformation("Knowledge base seeded with {Count} articles from {Folder}", articles.Count, seed);
                }

                var builder = new Bm25IndexBuilder();
                foreach (var article in articles)
                {
                    builder.AddArticle(article.ArticleId, article.Markdown);
                }

                return new KnowledgeBase(builder.Build(), articles.Count);
            },
            options.Value.RefreshInterval,
            timeProvider,
            logger,
            "knowledge base");
    }

    public ValueTask<KnowledgeBase> GetAsync(CancellationToken cancellationToken) => _knowledge.GetAsync(cancellationToken);
}
