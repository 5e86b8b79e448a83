namespace Serverless.Learning.Retrieval;

/// <summary>A passage found for a query and its BM25 score (higher is more relevant; not comparable across indexes).</summary>
public sealed record RetrievedPassage(KnowledgePassage Passage, double Score);
