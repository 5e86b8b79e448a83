using Microsoft.Extensions.Options;
using Serverless.Learning.Retrieval;

namespace Serverless.Application.Support;

/// <summary>Finds the knowledge passage that answers a question, in the customer's language, preferring the intent's article.</summary>
public sealed class KnowledgeAnswerer(KnowledgeBaseProvider knowledge, IOptions<SupportOptions> options)
{
    private const int Candidates = 30;
    private readonly SupportOptions _options = options.Value;

    /// <summary>
    /// The best passage for <paramref name="query"/>: among the preferred article's passages when one of them matches at
    /// all, else the best overall when it scores at least <c>Support:MinimumKnowledgeScore</c>; null when nothing does.
    /// </summary>
    public async Task<KnowledgePassage?> AnswerAsync(string query, string locale, string? preferredArticle, CancellationToken cancellationToken)
    {
        var index = (await knowledge.GetAsync(cancellationToken)).Index;
        var hits = index.Search(query, Candidates, locale);
        if (preferredArticle is not null && hits.FirstOrDefault(h => h.Passage.ArticleId == preferredArticle) is { } preferred)
        {
            return preferred.Passage;
        }

        return hits.Count > 0 && hits[0].Score >= _options.MinimumKnowledgeScore ? hits[0].Passage : null;
    }

    /// <summary>
    /// A passage of <paramref name="articleId"/> for a policy statement: the one that matches the query best, else the
    /// article's first passage in the customer's language; null when the article is not in the knowledge base.
    /// </summary>
    public async Task<KnowledgePassage?> PolicyAsync(string articleId, string query, string locale, CancellationToken cancellationToken)
    {
        var index = (await knowledge.GetAsync(cancellationToken)).Index;
        var hit = index.Search(query, Candidates, locale).FirstOrDefault(h => h.Passage.ArticleId == articleId);
        return hit?.Passage
            ?? index.Passages.FirstOrDefault(p => p.ArticleId == articleId && p.Language == locale)
            ?? index.Passages.FirstOrDefault(p => p.ArticleId == articleId);
    }

    /// <summary>The passage as a reply citing its article, optionally after a sentence of facts from the order.</summary>
    public static DialogueReply Reply(
        KnowledgePassage passage, string locale, IReadOnlyList<string> actions, string? prefix = null, IEnumerable<string>? moreSources = null)
    {
        var answer = SupportReplies.FromArticle(locale, passage.Text, passage.ArticleTitle);
        var text = prefix is null ? answer : prefix + " " + answer;
        var facts = prefix is null ? new[] { passage.Text } : [prefix, passage.Text];
        return new DialogueReply(text, [.. moreSources ?? [], SupportSources.Article(passage.ArticleId)], actions) { Facts = facts };
    }
}
