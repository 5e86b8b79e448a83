using Serverless.Learning.Text;

namespace Serverless.Learning.Classification;

/// <summary>
/// The support assistant's sentiment: the polarity lexicon over all of a message's words (the mean weight of its
/// matches, at full strength from two matches on, half for one) blended with a trained model's score (2·P(positive) − 1)
/// at weight <c>modelWeight × KnownWordShare</c>, so the model counts only as far as it knows the message's words.
/// One definition for serving and for the evaluation that chose the weight (<c>serverless sentiment weights</c>).
/// </summary>
public static class SentimentBlend
{
    /// <summary>The lexicon's score of a text in [-1, 1]; null when no lexicon word occurs in it.</summary>
    public static double? Lexicon(string text, SentimentLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lexicon);
        var matches = lexicon.Matches(TextTokenizer.Tokenize(TextNormalizer.Normalize(text)), _ => true);
        return matches.Count == 0 ? null : matches.Average() * Math.Min(1.0, matches.Count / 2.0);
    }

    /// <summary>The blended score in [-1, 1]: the model (when there is one) at <paramref name="modelWeight"/> × its known-word share, the lexicon for the rest.</summary>
    public static double Combine(SentimentScore? model, double? lexicon, double modelWeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(modelWeight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(modelWeight, 1);
        var (score, weight) = model is null ? (0.0, 0.0) : ((2 * model.ModelPositiveProbability) - 1, modelWeight * model.KnownWordShare);
        return lexicon is { } value
            ? Math.Clamp((weight * score) + ((1 - weight) * value), -1, 1)
            : Math.Clamp(weight * score, -1, 1);
    }
}
