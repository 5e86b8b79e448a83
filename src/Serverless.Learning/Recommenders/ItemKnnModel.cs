using Serverless.Learning.Serialization;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// Item-to-item neighbours (sorted by item index per row). A user's score for item i is
/// sum over history items h of weight(h) * similarity(h, i). Produced by <see cref="ItemKnnTrainer"/>.
/// </summary>
public sealed class ItemKnnModel : RecommenderModel
{
    internal const string KindName = "item-knn";
    private readonly int[] _offsets;
    private readonly int[] _neighbors;
    private readonly float[] _similarities;

    private ItemKnnModel(
        string[] items, int[] offsets, int[] neighbors, float[] similarities, IReadOnlyDictionary<string, string> parameters)
        : base(items, parameters)
    {
        _offsets = offsets;
        _neighbors = neighbors;
        _similarities = similarities;
    }

    public override string Kind => KindName;

    public override bool IsPersonalized => true;

    /// <summary>The similarity of <paramref name="to"/> among the neighbours of <paramref name="from"/>; zero when not kept.</summary>
    public double Similarity(string from, string to) =>
        TryGetIndex(from, out var row) && TryGetIndex(to, out var column) ? Lookup(row, column) : 0;

    internal static ItemKnnModel Create(
        string[] items, int[][] neighbors, float[][] similarities, IReadOnlyDictionary<string, string> parameters)
    {
        var offsets = new int[items.Length + 1];
        for (var i = 0; i < items.Length; i++)
        {
            offsets[i + 1] = offsets[i] + neighbors[i].Length;
        }

        var flatNeighbors = new int[offsets[^1]];
        var flatSimilarities = new float[offsets[^1]];
        for (var i = 0; i < items.Length; i++)
        {
            neighbors[i].CopyTo(flatNeighbors, offsets[i]);
            similarities[i].CopyTo(flatSimilarities, offsets[i]);
        }

        return new ItemKnnModel(items, offsets, flatNeighbors, flatSimilarities, parameters);
    }

    internal override void WriteBody(BinaryWriter writer)
    {
        ModelBinary.WriteInts(writer, _offsets);
        ModelBinary.WriteInts(writer, _neighbors);
        ModelBinary.WriteFloats(writer, _similarities);
    }

    internal static ItemKnnModel ReadBody(BinaryReader reader, string[] items, IReadOnlyDictionary<string, string> parameters)
    {
        var offsets = ModelBinary.ReadInts(reader, items.Length + 1);
        var total = offsets[^1];
        var neighbors = ModelBinary.ReadInts(reader, total);
        var similarities = ModelBinary.ReadFloats(reader, total);
        for (var i = 0; i < items.Length; i++)
        {
            if (offsets[i] > offsets[i + 1] || offsets[0] != 0)
            {
                throw new InvalidDataException("Item-kNN offsets are not ascending.");
            }
        }

        if (neighbors.Any(n => (uint)n >= (uint)items.Length))
        {
            throw new InvalidDataException("An item-kNN neighbour is outside the catalog.");
        }

        return new ItemKnnModel(items, offsets, neighbors, similarities, parameters);
    }

    internal override object? Score(ReadOnlySpan<HistoryEntry> history, Span<float> scores)
    {
        scores.Clear();
        foreach (var entry in history)
        {
            var start = _offsets[entry.Item];
            var length = _offsets[entry.Item + 1] - start;
            var neighbors = _neighbors.AsSpan(start, length);
            var similarities = _similarities.AsSpan(start, length);
            for (var k = 0; k < neighbors.Length; k++)
            {
                scores[neighbors[k]] += entry.Weight * similarities[k];
            }
        }

        return null;
    }

    internal override void Contribute(object? state, int item, ReadOnlySpan<HistoryEntry> history, Span<float> contributions)
    {
        for (var h = 0; h < history.Length; h++)
        {
            contributions[h] = history[h].Weight * Lookup(history[h].Item, item);
        }
    }

    internal override bool IsCandidate(float score) => score > 0;

    private float Lookup(int row, int column)
    {
        var start = _offsets[row];
        var position = Array.BinarySearch(_neighbors, start, _offsets[row + 1] - start, column);
        return position >= 0 ? _similarities[position] : 0;
    }
}
