namespace Serverless.Learning.Retrieval;

/// <summary>
/// A retrievable piece of a knowledge-base article: the article's id and title, the section heading it sits under,
/// its text, and its language ("zh" when most letters are CJK, else "en").
/// </summary>
public sealed record KnowledgePassage(string ArticleId, string ArticleTitle, string Heading, string Text, string Language);
