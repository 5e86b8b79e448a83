using System.Numerics.Tensors;
using Serverless.Learning.Evaluation;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// Every validation user's scaled score vector from every component, computed once so each weight vector of the blend
/// grid costs only a weighted sum and a top-K per user.
/// </summary>
internal sealed class ValidationScores
{
    private readonly float[][][] _scores;
    private readonly HashSet<int>[] _seen;
    private readonly IReadOnlySet<string>[] _relevant;
    private readonly IReadOnlyList<string> _items;

    private ValidationScores(float[][][] scores, HashSet<int>[] seen, IReadOnlySet<string>[] relevant, IReadOnlyList<string> items)
    {
        _scores = scores;
        _seen = seen;
        _relevant = relevant;
        _items = items;
    }

    public static ValidationScores Compute(
        IReadOnlyList<RecommenderModel> models, IReadOnlyList<EvaluationUser> users, CancellationToken cancellationToken)
    {
        var reference = models[0];
        if (models.Any(m => !m.Items.SequenceEqual(reference.Items, StringComparer.Ordinal)))
        {
            throw new InvalidOperationException("Blend components trained on the same data must share one catalog order.");
        }

        var n = reference.ItemCount;
        var scores = new float[users.Count][][];
        var seen = new HashSet<int>[users.Count];
        Parallel.For(
            0,
            users.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            u =>
            {
                var history = reference.Resolve(users[u].History);
                seen[u] = history.Select(h => h.Item).ToHashSet();
                scores[u] = new float[models.Count][];
                for (var c = 0; c < models.Count; c++)
                {
                    var vector = new float[n];
                    models[c].Score(history, vector);
                    BlendModel.ScaleInPlace(vector);
                    scores[u][c] = vector;
                }
            });

        return new ValidationScores(scores, seen, users.Select(u => u.Relevant).ToArray(), reference.Items);
    }

    /// <summary>Mean NDCG@K of the blend with the given weights, seen items excluded.</summary>
    public double MeanNdcg(float[] weights, int k)
    {
        var total = 0.0;
        var gate = new object();
        Parallel.For(
            0,
            _scores.Length,
            () => (Buffer: new float[_items.Count], Sum: 0.0),
            (u, _, local) =>
            {
                var combined = local.Buffer.AsSpan();
                combined.Clear();
                for (var c = 0; c < weights.Length; c++)
                {
                    if (weights[c] > 0)
                    {
                        TensorPrimitives.MultiplyAdd(_scores[u][c], weights[c], combined, combined);
                    }
                }

                var seen = _seen[u];
                var top = TopItems.Select(combined, k, score => !float.IsNaN(score), seen.Contains);
                var list = top.Select(i => _items[i]).ToArray();
                return (local.Buffer, local.Sum + RankingMetrics.NdcgAtK(list, _relevant[u], k));
            },
            local =>
            {
                lock (gate)
                {
                    total += local.Sum;
                }
            });

        return _scores.Length == 0 ? 0 : total / _scores.Length;
    }
}
