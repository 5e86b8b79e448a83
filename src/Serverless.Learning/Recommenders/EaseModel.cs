using System.Numerics.Tensors;
using Serverless.Learning.Serialization;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// The dense EASE item-item matrix: a user's score for item i is sum over history items h of x(h) * B[h, i], where x is 1
/// for binary models and the history weight otherwise. Produced by <see cref="EaseTrainer"/>.
/// </summary>
public sealed class EaseModel : RecommenderModel
{
    internal const string KindName = "ease";
    private readonly float[] _weights;
    private readonly bool _binary;

    internal EaseModel(string[] items, float[] weights, bool binary, IReadOnlyDictionary<string, string> parameters)
        : base(items, parameters)
    {
        if (weights.Length != (long)items.Length * items.Length)
        {
            throw new ArgumentException("The EASE matrix must be items x items.", nameof(weights));
        }

        _weights = weights;
        _binary = binary;
    }

    public override string Kind => KindName;

    public override bool IsPersonalized => true;

    internal override void WriteBody(BinaryWriter writer)
    {
        writer.Write(_binary);
        ModelBinary.WriteFloats(writer, _weights);
    }

    internal static EaseModel ReadBody(BinaryReader reader, string[] items, IReadOnlyDictionary<string, string> parameters)
    {
        var binary = reader.ReadBoolean();
        return new EaseModel(items, ModelBinary.ReadFloats(reader, checked(items.Length * items.Length)), binary, parameters);
    }

    internal override object? Score(ReadOnlySpan<HistoryEntry> history, Span<float> scores)
    {
        scores.Clear();
        var n = ItemCount;
        foreach (var entry in history)
        {
            TensorPrimitives.MultiplyAdd(_weights.AsSpan(entry.Item * n, n), Input(entry.Weight), scores, scores);
        }

        return null;
    }

    internal override void Contribute(object? state, int item, ReadOnlySpan<HistoryEntry> history, Span<float> contributions)
    {
        var n = ItemCount;
        for (var h = 0; h < history.Length; h++)
        {
            contributions[h] = Input(history[h].Weight) * _weights[(history[h].Item * n) + item];
        }
    }

    private float Input(float weight) => _binary ? (weight > 0 ? 1 : 0) : weight;
}
