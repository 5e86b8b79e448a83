using System.Numerics.Tensors;
using System.Buffers;
using System.Collections.ObjectModel;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// A trained recommender. Immutable and safe for concurrent scoring: every call works on its own pooled buffers.
/// Subclasses live in this assembly only (they are created by the trainers and <see cref="RecommenderModelSerializer"/>).
/// </summary>
public abstract class RecommenderModel
{
    private readonly string[] _items;
    private readonly Dictionary<string, int> _index;

    private protected RecommenderModel(string[] items, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(parameters);
        _items = items;
        _index = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            if (!_index.TryAdd(items[i], i))
            {
                throw new ArgumentException($"Item '{items[i]}' appears twice.", nameof(items));
            }
        }

        Items = new ReadOnlyCollection<string>(items);
        Parameters = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(parameters, StringComparer.Ordinal));
    }

    /// <summary>The model family: "popularity", "item-knn", "als", "ease" or "blend".</summary>
    public abstract string Kind { get; }

    /// <summary>The catalog the model can score, in the model's internal order.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>The training parameters (for manifests and logs), as invariant-culture strings.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>False only for models that ignore the history (popularity): those give the same list to everyone.</summary>
    public abstract bool IsPersonalized { get; }

    /// <summary>True when the model knows the item.</summary>
    public bool Contains(string itemId) => itemId is not null && _index.ContainsKey(itemId);

    /// <summary>
    /// The top <paramref name="count"/> items for a user with the given history (item ids with interaction weights on
    /// the training scale; unknown items are ignored, repeated items summed). This is where fold-in happens: ALS solves
    /// the user's factor from the history, item-kNN and EASE score from it, popularity ignores it. A personalized model
    /// returns an empty list when no history item is known (callers fall back to popularity). History items are NOT
    /// excluded automatically: pass them in <paramref name="exclude"/> when they must not come back.
    /// </summary>
    public IReadOnlyList<ScoredItem> Recommend(
        IReadOnlyList<WeightedItem> history, int count, Func<string, bool>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var resolved = Resolve(history);
        if (count == 0 || (RequiresHistory && resolved.Length == 0))
        {
            return [];
        }

        var scores = ArrayPool<float>.Shared.Rent(_items.Length);
        try
        {
            var span = scores.AsSpan(0, _items.Length);
            var state = Score(resolved, span);
            var top = TopItems.Select(span, count, IsCandidate, exclude is null ? null : i => exclude(_items[i]));
            var result = new ScoredItem[top.Length];
            var contributions = resolved.Length == 0 ? [] : new float[resolved.Length];
            for (var r = 0; r < top.Length; r++)
            {
                string? because = null;
                if (IsPersonalized && resolved.Length > 0)
                {
                    Contribute(state, top[r], resolved, contributions);
                    because = _items[resolved[TensorPrimitives.IndexOfMax(contributions)].Item];
                }

                result[r] = new ScoredItem(_items[top[r]], span[top[r]], because);
            }

            return result;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// Items most similar to <paramref name="itemId"/> (never the item itself), with the item as the reason for
    /// personalized models; empty when the item is unknown.
    /// </summary>
    public IReadOnlyList<ScoredItem> Similar(string itemId, int count, Func<string, bool>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0 || !_index.TryGetValue(itemId, out var item))
        {
            return [];
        }

        var scores = ArrayPool<float>.Shared.Rent(_items.Length);
        try
        {
            var span = scores.AsSpan(0, _items.Length);
            ScoreSimilar(item, span);
            var top = TopItems.Select(
                span, count, IsCandidate, i => i == item || (exclude is not null && exclude(_items[i])));
            var because = IsPersonalized ? itemId : null;
            var result = new ScoredItem[top.Length];
            for (var r = 0; r < top.Length; r++)
            {
                result[r] = new ScoredItem(_items[top[r]], span[top[r]], because);
            }

            return result;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    internal int ItemCount => _items.Length;

    /// <summary>Whether an empty history means "no opinion" (an empty list) rather than a global ranking.</summary>
    internal virtual bool RequiresHistory => IsPersonalized;

    internal bool TryGetIndex(string itemId, out int index) => _index.TryGetValue(itemId, out index);

    /// <summary>Writes the kind-specific part of the model; the serializer writes the items and parameters.</summary>
    internal abstract void WriteBody(BinaryWriter writer);

    /// <summary>
    /// Fills <paramref name="scores"/> (one per item) for the resolved history and returns whatever the model needs to
    /// explain a score afterwards (null when nothing).
    /// </summary>
    internal abstract object? Score(ReadOnlySpan<HistoryEntry> history, Span<float> scores);

    /// <summary>Splits the score of <paramref name="item"/> into one contribution per history entry.</summary>
    internal abstract void Contribute(object? state, int item, ReadOnlySpan<HistoryEntry> history, Span<float> contributions);

    /// <summary>Item-to-item scores for <see cref="Similar"/>; by default the item as a one-entry history.</summary>
    internal virtual void ScoreSimilar(int item, Span<float> scores) => Score([new HistoryEntry(item, 1f)], scores);

    /// <summary>Whether a score can be recommended at all (e.g. kNN has no evidence for a zero).</summary>
    internal virtual bool IsCandidate(float score) => !float.IsNaN(score);

    internal HistoryEntry[] Resolve(IReadOnlyList<WeightedItem> history)
    {
        if (history.Count == 0)
        {
            return [];
        }

        var sums = new Dictionary<int, double>();
        foreach (var entry in history)
        {
            if (entry is not null && _index.TryGetValue(entry.ItemId, out var index))
            {
                sums[index] = sums.GetValueOrDefault(index) + entry.Weight;
            }
        }

        var resolved = new HistoryEntry[sums.Count];
        var n = 0;
        foreach (var (index, weight) in sums.OrderBy(pair => pair.Key))
        {
            resolved[n++] = new HistoryEntry(index, (float)weight);
        }

        return resolved;
    }
}
