using Serverless.Learning.Retrieval;

namespace Serverless.Application.Support;

/// <summary>The knowledge-base articles indexed for BM25 retrieval, with the number of articles they came from.</summary>
public sealed record KnowledgeBase(Bm25Index Index, int ArticleCount);
