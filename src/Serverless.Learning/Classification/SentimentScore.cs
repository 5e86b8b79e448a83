namespace Serverless.Learning.Classification;

/// <summary>
/// A sentiment estimate: <see cref="Value"/> in [-1, 1] (negative to positive), the model's probability of
/// "positive", the share of the text's words the model knew, and how many lexicon words filled in for the rest.
/// </summary>
public sealed record SentimentScore(double Value, double ModelPositiveProbability, double KnownWordShare, int LexiconMatches);
