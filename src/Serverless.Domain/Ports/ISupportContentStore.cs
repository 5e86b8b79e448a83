using Serverless.Domain.Support;

namespace Serverless.Domain.Ports;

/// <summary>
/// The shop's support content in Blob storage: knowledge-base articles (<c>knowledge/{articleId}.md</c>) and labelled
/// utterances that extend the intent classifier's training data (<c>utterances/*.csv</c>, columns text,label).
/// </summary>
public interface ISupportContentStore
{
    Task<IReadOnlyList<KnowledgeArticle>> ListArticlesAsync(CancellationToken cancellationToken);

    Task SaveArticleAsync(KnowledgeArticle article, CancellationToken cancellationToken);

    /// <summary>The text of every utterance file, by blob name.</summary>
    Task<IReadOnlyList<(string Name, string Csv)>> ListUtteranceFilesAsync(CancellationToken cancellationToken);
}
