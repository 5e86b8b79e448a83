using System.Numerics.Tensors;
using Serverless.Learning.Text;

namespace Serverless.Learning.Classification;

/// <summary>
/// A trained softmax regression (immutable): weights stored feature-major (the K class weights of a feature are
/// contiguous, so scoring a sparse row adds one K-vector per non-zero) and one bias per class.
/// </summary>
public sealed class SoftmaxRegressionModel
{
    private readonly float[] _weights;
    private readonly float[] _biases;

    internal SoftmaxRegressionModel(int classCount, int featureCount, float[] weights, float[] biases)
    {
        if (weights.Length != (long)classCount * featureCount || biases.Length != classCount)
        {
            throw new ArgumentException("Weights and biases do not match the model's shape.", nameof(weights));
        }

        ClassCount = classCount;
        FeatureCount = featureCount;
        _weights = weights;
        _biases = biases;
    }

    public int ClassCount { get; }

    public int FeatureCount { get; }

    internal ReadOnlySpan<float> Weights => _weights;

    internal ReadOnlySpan<float> Biases => _biases;

    /// <summary>The class scores (logits) of one row.</summary>
    public void Score(SparseVector features, Span<float> logits)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (logits.Length != ClassCount)
        {
            throw new ArgumentException($"Expected {ClassCount} logits.", nameof(logits));
        }

        _biases.CopyTo(logits);
        for (var j = 0; j < features.Count; j++)
        {
            var column = features.Indices[j];
            if ((uint)column < (uint)FeatureCount)
            {
                TensorPrimitives.MultiplyAdd(_weights.AsSpan(column * ClassCount, ClassCount), features.Values[j], logits, logits);
            }
        }
    }

    /// <summary>Softmax of logits / temperature, in place.</summary>
    public static void Softmax(Span<float> logits, double temperature = 1.0)
    {
        if (temperature != 1.0)
        {
            TensorPrimitives.Multiply(logits, (float)(1.0 / temperature), logits);
        }

        TensorPrimitives.SoftMax(logits, logits);
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(ClassCount);
        writer.Write(FeatureCount);
        foreach (var bias in _biases)
        {
            writer.Write(bias);
        }

        foreach (var weight in _weights)
        {
            writer.Write(weight);
        }
    }

    internal static SoftmaxRegressionModel Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var features = reader.ReadInt32();
        if (classes < 2 || features < 0 || (long)classes * features > Array.MaxLength)
        {
            throw new InvalidDataException($"Invalid softmax regression shape {classes} x {features}.");
        }

        var biases = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            biases[c] = reader.ReadSingle();
        }

        var weights = new float[classes * features];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = reader.ReadSingle();
        }

        return new SoftmaxRegressionModel(classes, features, weights, biases);
    }
}
