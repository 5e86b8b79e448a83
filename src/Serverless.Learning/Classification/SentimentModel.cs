using System.Text;
using Serverless.Learning.Text;

namespace Serverless.Learning.Classification;

/// <summary>
/// A trained sentiment classifier (immutable, thread-safe). The score is w·m + (1 − w)·l where m = 2·P(positive) − 1
/// is the model's score, l the mean weight of the lexicon words among the words the model has never seen, and
/// w = known / (known + lexicon matches) with "known" the number of words the model saw in training. A text with
/// only unseen words and no lexicon word scores 0.
/// </summary>
/// <remarks>
/// Saved format (little-endian, <see cref="BinaryWriter"/>): signature "SLSM"; int32 format version (1); the features
/// and the regression blocks as in <see cref="IntentClassifierModel"/> (class 0 negative, class 1 positive).
/// Readers keep accepting every earlier version.
/// </remarks>
public sealed class SentimentModel
{
    public const int FormatVersion = 1;
    private static readonly byte[] Signature = "SLSM"u8.ToArray();

    internal SentimentModel(HashedTfIdfModel features, SoftmaxRegressionModel regression, SentimentLexicon lexicon)
    {
        if (regression.ClassCount != 2 || regression.FeatureCount != features.FeatureCount)
        {
            throw new ArgumentException("A sentiment model needs a two-class regression over its features.", nameof(regression));
        }

        Features = features;
        Regression = regression;
        Lexicon = lexicon;
    }

    public HashedTfIdfModel Features { get; }

    public SoftmaxRegressionModel Regression { get; }

    public SentimentLexicon Lexicon { get; }

    /// <summary>The model's probability that the text is positive (no lexicon), in [0, 1].</summary>
    public double PositiveProbability(string text)
    {
        Span<float> logits = stackalloc float[2];
        Regression.Score(Features.Transform(text), logits);
        SoftmaxRegressionModel.Softmax(logits);
        return logits[1];
    }

    public SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = TextTokenizer.Tokenize(TextNormalizer.Normalize(text));
        var words = TextTokenizer.Words(tokens);
        var known = words.Count(Features.IsKnownWord);
        var probability = PositiveProbability(text);
        var matches = Lexicon.Matches(tokens, IsUnseen);
        var modelScore = 2 * probability - 1;
        var share = words.Count == 0 ? 0 : (double)known / words.Count;
        if (matches.Count == 0)
        {
            return new SentimentScore(known == 0 ? 0 : modelScore, probability, share, 0);
        }

        var weight = (double)known / (known + matches.Count);
        var value = weight * modelScore + (1 - weight) * matches.Average();
        return new SentimentScore(Math.Clamp(value, -1, 1), probability, share, matches.Count);
    }

    /// <summary>A word the model never saw; a CJK entry counts as unseen when any of its characters (the model's words) is.</summary>
    private bool IsUnseen(string candidate) =>
        candidate.Any(TextTokenizer.IsCjk)
            ? candidate.EnumerateRunes().Any(r => !Features.IsKnownWord(r.ToString()))
            : !Features.IsKnownWord(candidate);

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Signature);
        writer.Write(FormatVersion);
        Features.Write(writer);
        Regression.Write(writer);
    }

    public static SentimentModel Load(Stream stream, SentimentLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Signature.Length).AsSpan().SequenceEqual(Signature))
            {
                throw new InvalidDataException("Not a sentiment model (signature mismatch).");
            }

            var version = reader.ReadInt32();
            if (version is < 1 or > FormatVersion)
            {
                throw new InvalidDataException($"Unsupported sentiment model format version {version} (this build reads 1..{FormatVersion}).");
            }

            return new SentimentModel(HashedTfIdfModel.Read(reader), SoftmaxRegressionModel.Read(reader), lexicon ?? SentimentLexicon.Default);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The sentiment model is truncated.", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException("The sentiment model is inconsistent: " + ex.Message, ex);
        }
    }
}
