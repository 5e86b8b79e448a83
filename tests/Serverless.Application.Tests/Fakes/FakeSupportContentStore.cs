using System.Collections.Concurrent;
using Serverless.Domain.Ports;
using Serverless.Domain.Support;

namespace Serverless.Application.Tests.Fakes;

/// <summary>Knowledge articles and utterance files in memory, by name.</summary>
public sealed class FakeSupportContentStore : ISupportContentStore
{
    public ConcurrentDictionary<string, string> Articles { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> UtteranceFiles { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<KnowledgeArticle>> ListArticlesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KnowledgeArticle>>(
            Articles.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new KnowledgeArticle(a.Key, a.Value)).ToList());

    public Task SaveArticleAsync(KnowledgeArticle article, CancellationToken cancellationToken)
    {
        Articles[article.ArticleId] = article.Markdown;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(string Name, string Csv)>> ListUtteranceFilesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string Name, string Csv)>>(
            UtteranceFiles.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToList());
}
