using Serverless.Learning.Classification;
using Serverless.Testing;

namespace Serverless.Learning.Tests.Classification;

/// <summary>Small real samples read in place: the project's Chinese utterance set and UCI sentiment sentences.</summary>
internal static class TextSamples
{
    public static string ChineseIntentsPath => Path.Combine(RepositoryRoot.Path, "data", "intents", "zh", "bitext-intents-zh.csv");

    /// <summary>The Chinese set (no quoted fields in it: a checked-in file written for the project).</summary>
    public static List<LabeledText> ChineseIntents() =>
        File.ReadLines(ChineseIntentsPath).Skip(1).Where(l => l.Length > 0)
            .Select(l => new LabeledText(l[..l.LastIndexOf(',')], l[(l.LastIndexOf(',') + 1)..])).ToList();

    public static List<LabeledText> YelpSentences() =>
        File.ReadLines(Path.Combine(RepositoryRoot.Datasets, "uci_sentiment_labelled_sentences", "yelp_labelled.txt"))
            .Where(l => l.Contains('\t'))
            .Select(l => new LabeledText(l[..l.LastIndexOf('\t')], l.EndsWith('1') ? SentimentClassifierTrainer.Positive : SentimentClassifierTrainer.Negative))
            .ToList();
}
