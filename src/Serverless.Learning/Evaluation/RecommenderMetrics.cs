namespace Serverless.Learning.Evaluation;

/// <summary>Mean ranking metrics at <paramref name="K"/> over <paramref name="Users"/> test users, and catalog coverage.</summary>
public sealed record RecommenderMetrics(
    int K, int Users, double Precision, double Recall, double Ndcg, double Map, double Coverage);
