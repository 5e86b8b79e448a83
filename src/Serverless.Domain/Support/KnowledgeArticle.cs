namespace Serverless.Domain.Support;

/// <summary>A knowledge-base article: its id (the file name without <c>.md</c>) and its Markdown text.</summary>
public sealed record KnowledgeArticle(string ArticleId, string Markdown);
