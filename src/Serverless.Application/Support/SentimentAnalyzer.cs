using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Learning.Classification;
using Serverless.Learning.Text;

namespace Serverless.Application.Support;

/// <summary>
/// Scores a message's sentiment in [-1, 1] from two signals: the polarity lexicon over all the message's words (the mean
/// weight of its matches, at full strength from two matches on, half for one) and, when <c>Support:SentimentDataPath</c>
/// names the UCI sentences (sentence TAB 0|1), a model trained once on them (2·P(positive) − 1). The model learned from
/// product reviews and is far too sure of itself on neutral support questions ("what payment methods do you accept"
/// scores −0.8), so its weight is at most <see cref="ModelWeight"/>, times the share of the message's words it knows:
/// a strongly negative score needs negative words.
/// </summary>
public sealed class SentimentAnalyzer
{
    private readonly Lazy<SentimentModel?> _model;

    public SentimentAnalyzer(IOptions<SupportOptions> options, ILogger<SentimentAnalyzer> logger)
    {
        var folder = options.Value.SentimentDataPath;
        _model = new Lazy<SentimentModel?>(() =>
        {
            if (string.IsNullOrWhiteSpace(folder))
            {
                return null;
            }

            var examples = Directory.EnumerateFiles(folder, "*_labelled.txt").Order(StringComparer.Ordinal).SelectMany(Read).ToList();
            var model = new SentimentClassifierTrainer().Fit(examples);
            logger.LogInformation("Sentiment model trained on {Count} sentences from {Folder}", examples.Count, folder);
            return model;
        });
    }

    /// <summary>The largest weight the trained model gets next to the lexicon.</summary>
    public const double ModelWeight = 0.3;

    public double Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (model, weight) = _model.Value is { } trained && trained.Score(text) is var score
            ? ((2 * score.ModelPositiveProbability) - 1, ModelWeight * score.KnownWordShare)
            : (0.0, 0.0);
        var matches = SentimentLexicon.Default.Matches(TextTokenizer.Tokenize(TextNormalizer.Normalize(text)), _ => true);
        if (matches.Count == 0)
        {
            return Math.Clamp(weight * model, -1, 1);
        }

        var lexicon = matches.Average() * Math.Min(1.0, matches.Count / 2.0);
        return Math.Clamp((weight * model) + ((1 - weight) * lexicon), -1, 1);
    }

    private static IEnumerable<LabeledText> Read(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var tab = line.LastIndexOf('\t');
            var label = tab < 0 ? string.Empty : line[(tab + 1)..].Trim();
            if (label is "0" or "1")
            {
                yield return new LabeledText(
                    line[..tab].Trim(), label == "1" ? SentimentClassifierTrainer.Positive : SentimentClassifierTrainer.Negative);
            }
        }
    }
}
