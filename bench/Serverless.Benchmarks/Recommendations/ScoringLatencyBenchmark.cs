using System.Diagnostics;
using System.Numerics.Tensors;
using Serverless.Learning.Recommenders;

namespace Serverless.Benchmarks.Recommendations;

/// <summary>
/// Per-call latency of scoring one user on a large catalog, measured call by call (so the p99 is a real tail, not a
/// percentile of iteration means): ALS fold-in + full scoring + top-K with the history excluded, item-kNN scoring +
/// top-K, and beside them the floor: a plain dot-product scan of the same item factors against a fixed user vector,
/// without fold-in, selection or filters. Runs are interleaved round-robin so machine noise hits all alike.
/// </summary>
internal sealed class ScoringLatencyBenchmark(ScoringBenchmarkOptions options)
{
    public IReadOnlyList<LatencyResult> Run(TextWriter log)
    {
        var items = SyntheticRecommenders.Items(options.Items);
        log.WriteLine($"Building synthetic models: {options.Items:N0} items, {options.Factors} factors, {options.Neighbors} neighbours...");
        var als = SyntheticRecommenders.Als(items, options.Factors, seed: 1);
        var knn = SyntheticRecommenders.ItemKnn(items, options.Neighbors, seed: 2);
        var histories = SyntheticRecommenders.Histories(items, 1_000, options.HistoryLength, seed: 3);
        var factors = als.ItemFactors.ToArray();
        var user = new float[options.Factors];
        for (var f = 0; f < user.Length; f++)
        {
            user[f] = 0.01f * (f + 1);
        }

        var scores = new float[options.Items];
        var cases = new (string Name, Func<int, int> Call)[]
        {
            ("Floor: dot-product scan of the item factors (no fold-in, no top-K)", _ => DotProductScan(factors, user, scores)),
            ($"ALS: fold-in + score + top-{options.Count}, history excluded", n => Recommend(als, histories[n % histories.Length])),
            ($"Item-kNN: score + top-{options.Count}, history excluded", n => Recommend(knn, histories[n % histories.Length])),
        };

        var samples = cases.Select(_ => new List<double>(options.Calls)).ToArray();
        var sink = 0;
        for (var n = 0; n < options.Warmup; n++)
        {
            foreach (var (_, call) in cases)
            {
                sink += call(n);
            }
        }

        for (var n = 0; n < options.Calls; n++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var start = Stopwatch.GetTimestamp();
                sink += cases[c].Call(n);
                samples[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        GC.KeepAlive(sink);
        return cases.Select((c, i) => LatencyResult.From(c.Name, samples[i])).ToArray();
    }

    private int Recommend(RecommenderModel model, WeightedItem[] history)
    {
        var seen = history.Select(h => h.ItemId).ToHashSet(StringComparer.Ordinal);
        return model.Recommend(history, options.Count, seen.Contains).Count;
    }

    private static int DotProductScan(float[] itemFactors, float[] user, float[] scores)
    {
        var factors = user.Length;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(itemFactors.AsSpan(i * factors, factors), user);
        }

        return scores.Length;
    }
}
