using System.Text;
using Serverless.Learning.Serialization;
using Serverless.Learning.Text;

namespace Serverless.Learning.Classification;

/// <summary>
/// A trained intent classifier (immutable, thread-safe): text → hashed TF-IDF → softmax regression → probabilities
/// calibrated by <see cref="Temperature"/>; a best probability below <see cref="OutOfScopeThreshold"/> marks the text
/// out of scope.
/// </summary>
/// <remarks>
/// Saved format (little-endian, <see cref="BinaryWriter"/> encoding, strings length-prefixed UTF-8):
/// signature "SLIC" (4 ASCII bytes); int32 format version; int32 label count and the labels (class order);
/// float64 temperature; float64 out-of-scope threshold; bool + string out-of-scope label;
/// the features (int32 hash bits, min/max word n-gram, min/max character n-gram, bool sublinear tf, int32 minimum
/// document frequency, int32 document count, then for words and for characters: int32 column count and
/// (int32 bucket, float32 idf) pairs by increasing bucket); the regression (int32 classes, int32 features, float32
/// biases, float32 weights feature-major). The hashing (MurmurHash3 x86-32 of UTF-16LE, seeds in NgramCounter) and the
/// normalization are part of the format. Version 1 is the first; readers keep accepting every earlier version
/// (tests load a frozen version-1 file).
/// </remarks>
public sealed class IntentClassifierModel
{
    public const int FormatVersion = 1;
    private static readonly byte[] Signature = "SLIC"u8.ToArray();
    private readonly string[] _labels;

    internal IntentClassifierModel(
        string[] labels, HashedTfIdfModel features, SoftmaxRegressionModel regression, double temperature, double threshold,
        string? outOfScopeLabel)
    {
        if (labels.Length != regression.ClassCount || features.FeatureCount != regression.FeatureCount)
        {
            throw new ArgumentException("Labels, features and regression do not match.", nameof(regression));
        }

        _labels = labels;
        Features = features;
        Regression = regression;
        Temperature = temperature;
        OutOfScopeThreshold = threshold;
        OutOfScopeLabel = outOfScopeLabel;
    }

    /// <summary>The intents, in class order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    public HashedTfIdfModel Features { get; }

    public SoftmaxRegressionModel Regression { get; }

    /// <summary>Divides the logits before the softmax (tuned on validation data; 1 = uncalibrated).</summary>
    public double Temperature { get; }

    /// <summary>A best calibrated probability below this marks a text out of scope (0 = never).</summary>
    public double OutOfScopeThreshold { get; }

    /// <summary>The label used for out-of-scope examples in training, if any.</summary>
    public string? OutOfScopeLabel { get; }

    public IntentPrediction Predict(string text, int candidates = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var probabilities = Probabilities(text);
        var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i)
            .Take(Math.Max(1, candidates)).ToArray();
        var best = order[0];
        return new IntentPrediction(
            _labels[best], probabilities[best], probabilities[best] < OutOfScopeThreshold,
            order.Select(i => new IntentCandidate(_labels[i], probabilities[i])).ToArray());
    }

    /// <summary>The calibrated probability of every label (in <see cref="Labels"/> order).</summary>
    public float[] Probabilities(string text)
    {
        var row = new float[_labels.Length];
        Regression.Score(Features.Transform(text), row);
        SoftmaxRegressionModel.Softmax(row, Temperature);
        return row;
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Signature);
        writer.Write(FormatVersion);
        ModelBinary.WriteStrings(writer, _labels);

        writer.Write(Temperature);
        writer.Write(OutOfScopeThreshold);
        writer.Write(OutOfScopeLabel is not null);
        if (OutOfScopeLabel is not null)
        {
            writer.Write(OutOfScopeLabel);
        }

        Features.Write(writer);
        Regression.Write(writer);
    }

    public static IntentClassifierModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var signature = reader.ReadBytes(Signature.Length);
            if (!signature.AsSpan().SequenceEqual(Signature))
            {
                throw new InvalidDataException("Not an intent classifier model (signature mismatch).");
            }

            var version = reader.ReadInt32();
            if (version is < 1 or > FormatVersion)
            {
                throw new InvalidDataException($"Unsupported intent classifier format version {version} (this build reads 1..{FormatVersion}).");
            }

            var labels = ModelBinary.ReadStrings(reader);
            if (labels.Length < 2)
            {
                throw new InvalidDataException($"Invalid label count {labels.Length}.");
            }

            var temperature = reader.ReadDouble();
            var threshold = reader.ReadDouble();
            var outOfScopeLabel = reader.ReadBoolean() ? reader.ReadString() : null;
            var features = HashedTfIdfModel.Read(reader);
            var regression = SoftmaxRegressionModel.Read(reader);
            if (!(temperature > 0) || threshold is < 0 or > 1)
            {
                throw new InvalidDataException("Invalid temperature or threshold.");
            }

            return new IntentClassifierModel(labels, features, regression, temperature, threshold, outOfScopeLabel);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The intent classifier model is truncated.", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException("The intent classifier model is inconsistent: " + ex.Message, ex);
        }
    }
}
