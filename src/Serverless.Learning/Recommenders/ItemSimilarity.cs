namespace Serverless.Learning.Recommenders;

/// <summary>How <see cref="ItemKnnTrainer"/> measures the similarity of two items from the users they share.</summary>
public enum ItemSimilarity
{
    /// <summary>Cosine of the two items' user vectors (summed interaction weights).</summary>
    Cosine,

    /// <summary>
    /// Co-occurrence weighted like BM25: a user who touched many items is weak evidence (inverse document frequency),
    /// a repeated interaction saturates (k1), and items with long user lists are length-normalized (b).
    /// </summary>
    Bm25,
}
