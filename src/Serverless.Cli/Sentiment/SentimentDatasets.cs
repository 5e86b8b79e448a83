using Serverless.Learning.Classification;

namespace Serverless.Cli.Sentiment;

/// <summary>Readers of sentence-TAB-label(0|1) files such as the UCI Sentiment Labelled Sentences (read in place).</summary>
internal static class SentimentDatasets
{
    /// <summary>The two UCI files used: Amazon cell-phone reviews and Yelp reviews (1,000 sentences each).</summary>
    public static readonly string[] UciFiles = ["amazon_cells_labelled.txt", "yelp_labelled.txt"];

    public static List<SourcedExample> ReadTabSeparated(string path, string source)
    {
        var rows = new List<SourcedExample>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var tab = line.LastIndexOf('\t');
            var label = tab < 0 ? string.Empty : line[(tab + 1)..].Trim();
            if (label is not ("0" or "1"))
            {
                throw new InvalidDataException($"{path}:{number}: expected 'sentence<TAB>0|1'.");
            }

            rows.Add(new SourcedExample(
                new LabeledText(line[..tab].Trim(), label == "1" ? SentimentClassifierTrainer.Positive : SentimentClassifierTrainer.Negative),
                source));
        }

        return rows;
    }

    public static List<SourcedExample> Uci(string datasets) =>
        UciFiles.SelectMany(file => ReadTabSeparated(
            Path.Combine(datasets, "uci_sentiment_labelled_sentences", file), file.Split('_')[0])).ToList();
}
