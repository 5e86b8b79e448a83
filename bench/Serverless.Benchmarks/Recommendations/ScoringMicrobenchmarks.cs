using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Serverless.Learning.Recommenders;

namespace Serverless.Benchmarks.Recommendations;

/// <summary>
/// BenchmarkDotNet view of the same scoring paths as <see cref="ScoringLatencyBenchmark"/> (mean, median and ratio to
/// the dot-product floor with BenchmarkDotNet's statistics and allocation counts).
/// </summary>
[MemoryDiagnoser]
public class ScoringMicrobenchmarks
{
    private readonly ScoringBenchmarkOptions _options = new();
    private ImplicitAlsModel _als = null!;
    private ItemKnnModel _knn = null!;
    private WeightedItem[][] _histories = null!;
    private float[] _factors = null!;
    private float[] _user = null!;
    private float[] _scores = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var items = SyntheticRecommenders.Items(_options.Items);
        _als = SyntheticRecommenders.Als(items, _options.Factors, seed: 1);
        _knn = SyntheticRecommenders.ItemKnn(items, _options.Neighbors, seed: 2);
        _histories = SyntheticRecommenders.Histories(items, 1_000, _options.HistoryLength, seed: 3);
        _factors = _als.ItemFactors.ToArray();
        _user = Enumerable.Range(1, _options.Factors).Select(f => 0.01f * f).ToArray();
        _scores = new float[_options.Items];
    }

    [Benchmark(Baseline = true, Description = "dot-product scan (floor)")]
    public float DotProductScan()
    {
        var factors = _user.Length;
        for (var i = 0; i < _scores.Length; i++)
        {
            _scores[i] = TensorPrimitives.Dot(_factors.AsSpan(i * factors, factors), _user);
        }

        return _scores[^1];
    }

    [Benchmark(Description = "ALS fold-in + top-10")]
    public int AlsRecommend() => Recommend(_als);

    [Benchmark(Description = "item-kNN + top-10")]
    public int ItemKnnRecommend() => Recommend(_knn);

    private int Recommend(RecommenderModel model)
    {
        var history = _histories[_next++ % _histories.Length];
        var seen = history.Select(h => h.ItemId).ToHashSet(StringComparer.Ordinal);
        return model.Recommend(history, _options.Count, seen.Contains).Count;
    }
}
