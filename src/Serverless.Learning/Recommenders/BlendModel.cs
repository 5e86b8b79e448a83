using System.Buffers;
using System.Numerics.Tensors;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// A weighted sum of component models' scores, each divided by its largest magnitude for the request so the scales
/// compare. Produced by <see cref="BlendTrainer"/>; the components share one catalog.
/// </summary>
public sealed class BlendModel : RecommenderModel
{
    internal const string KindName = "blend";
    private readonly RecommenderModel[] _components;
    private readonly float[] _weights;

    internal BlendModel(RecommenderModel[] components, float[] weights, IReadOnlyDictionary<string, string> parameters)
        : base(components.Length > 0 ? components[0].Items.ToArray() : [], parameters)
    {
        if (components.Length == 0 || components.Length != weights.Length)
        {
            throw new ArgumentException("A blend needs one weight per component and at least one component.", nameof(components));
        }

        if (components.Any(c => !c.Items.SequenceEqual(components[0].Items, StringComparer.Ordinal)))
        {
            throw new ArgumentException("Blend components must share one catalog order.", nameof(components));
        }

        if (weights.Any(w => !(w >= 0) || !float.IsFinite(w)))
        {
            throw new ArgumentException("Blend weights must be finite and not negative.", nameof(weights));
        }

        _components = components;
        _weights = weights;
    }

    public override string Kind => KindName;

    public override bool IsPersonalized => _components.Any(c => c.IsPersonalized);

    /// <summary>The component models, in the order of <see cref="Weights"/>.</summary>
    public IReadOnlyList<RecommenderModel> Components => _components;

    /// <summary>The weight of each component.</summary>
    public IReadOnlyList<float> Weights => _weights;

    internal override bool RequiresHistory => _components.All(c => c.RequiresHistory);

    /// <summary>Divides by the largest magnitude; returns the divisor (zero leaves the vector as it is).</summary>
    internal static float ScaleInPlace(Span<float> scores)
    {
        var scale = scores.Length == 0 ? 0 : MathF.Abs(TensorPrimitives.MaxMagnitude(scores));
        if (scale > 0 && float.IsFinite(scale))
        {
            TensorPrimitives.Divide(scores, scale, scores);
            return scale;
        }

        return 0;
    }

    internal override void WriteBody(BinaryWriter writer)
    {
        writer.Write(_components.Length);
        for (var c = 0; c < _components.Length; c++)
        {
            writer.Write(_weights[c]);
            RecommenderModelSerializer.WriteModel(writer, _components[c]);
        }
    }

    internal static BlendModel ReadBody(
        BinaryReader reader, string[] items, IReadOnlyDictionary<string, string> parameters, int version)
    {
        var count = reader.ReadInt32();
        if (count is < 1 or > 64)
        {
            throw new InvalidDataException($"Implausible blend component count {count}.");
        }

        var components = new RecommenderModel[count];
        var weights = new float[count];
        for (var c = 0; c < count; c++)
        {
            weights[c] = reader.ReadSingle();
            components[c] = RecommenderModelSerializer.ReadModel(reader, version);
        }

        var model = new BlendModel(components, weights, parameters);
        if (!model.Items.SequenceEqual(items, StringComparer.Ordinal))
        {
            throw new InvalidDataException("The blend's catalog differs from its components'.");
        }

        return model;
    }

    internal override object? Score(ReadOnlySpan<HistoryEntry> history, Span<float> scores)
    {
        scores.Clear();
        var states = new object?[_components.Length];
        var factors = new float[_components.Length];
        var buffer = ArrayPool<float>.Shared.Rent(scores.Length);
        try
        {
            var span = buffer.AsSpan(0, scores.Length);
            for (var c = 0; c < _components.Length; c++)
            {
                if (_weights[c] == 0 || (_components[c].RequiresHistory && history.Length == 0))
                {
                    continue;
                }

                states[c] = _components[c].Score(history, span);
                var scale = ScaleInPlace(span);
                factors[c] = scale > 0 ? _weights[c] / scale : _weights[c];
                TensorPrimitives.MultiplyAdd(span, _weights[c], scores, scores);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        return new BlendState(states, factors);
    }

    internal override void Contribute(object? state, int item, ReadOnlySpan<HistoryEntry> history, Span<float> contributions)
    {
        var blend = (BlendState)state!;
        contributions.Clear();
        var part = new float[history.Length];
        for (var c = 0; c < _components.Length; c++)
        {
            if (blend.Factors[c] == 0 || !_components[c].IsPersonalized)
            {
                continue;
            }

            _components[c].Contribute(blend.States[c], item, history, part);
            TensorPrimitives.MultiplyAdd(part, blend.Factors[c], contributions, contributions);
        }
    }

    internal override void ScoreSimilar(int item, Span<float> scores)
    {
        scores.Clear();
        var buffer = ArrayPool<float>.Shared.Rent(scores.Length);
        try
        {
            var span = buffer.AsSpan(0, scores.Length);
            for (var c = 0; c < _components.Length; c++)
            {
                if (_weights[c] == 0)
                {
                    continue;
                }

                _components[c].ScoreSimilar(item, span);
                ScaleInPlace(span);
                TensorPrimitives.MultiplyAdd(span, _weights[c], scores, scores);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private sealed record BlendState(object?[] States, float[] Factors);
}
