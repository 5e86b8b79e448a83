using Serverless.Learning.Serialization;

namespace Serverless.Learning.Recommenders;

/// <summary>The same ranked list for everyone; the history is ignored. Produced by <see cref="TimeDecayedPopularityTrainer"/>.</summary>
public sealed class PopularityModel : RecommenderModel
{
    internal const string KindName = "popularity";
    private readonly float[] _scores;

    internal PopularityModel(string[] items, float[] scores, IReadOnlyDictionary<string, string> parameters)
        : base(items, parameters)
    {
        if (scores.Length != items.Length)
        {
            throw new ArgumentException("One score per item is needed.", nameof(scores));
        }

        _scores = scores;
    }

    public override string Kind => KindName;

    public override bool IsPersonalized => false;

    /// <summary>The decayed popularity of an item; zero when unknown.</summary>
    public double Popularity(string itemId) => TryGetIndex(itemId, out var index) ? _scores[index] : 0;

    internal override void WriteBody(BinaryWriter writer) => ModelBinary.WriteFloats(writer, _scores);

    internal static PopularityModel ReadBody(BinaryReader reader, string[] items, IReadOnlyDictionary<string, string> parameters) =>
        new(items, ModelBinary.ReadFloats(reader, items.Length), parameters);

    internal override object? Score(ReadOnlySpan<HistoryEntry> history, Span<float> scores)
    {
        _scores.CopyTo(scores);
        return null;
    }

    internal override void ScoreSimilar(int item, Span<float> scores) => _scores.CopyTo(scores);

    internal override void Contribute(object? state, int item, ReadOnlySpan<HistoryEntry> history, Span<float> contributions) =>
        contributions.Clear();
}
