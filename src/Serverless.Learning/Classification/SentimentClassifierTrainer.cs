using Serverless.Learning.Text;

namespace Serverless.Learning.Classification;

/// <summary>
/// Trains a binary sentiment classifier (hashed TF-IDF + softmax regression over the labels "negative" and
/// "positive") and pairs it with a <see cref="SentimentLexicon"/> for words the training data did not contain.
/// </summary>
public sealed class SentimentClassifierTrainer
{
    public const string Positive = "positive", Negative = "negative";
    private readonly Options _options;

    public SentimentClassifierTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        ArgumentNullException.ThrowIfNull(_options.Features, nameof(Options.Features));
        ArgumentNullException.ThrowIfNull(_options.Regression, nameof(Options.Regression));
        ArgumentNullException.ThrowIfNull(_options.Lexicon, nameof(Options.Lexicon));
        _ = new HashedTfIdfTrainer(_options.Features);
        _ = new SoftmaxRegressionTrainer(_options.Regression);
    }

    /// <summary>Trains on examples labelled <see cref="Positive"/> or <see cref="Negative"/>.</summary>
    public SentimentModel Fit(IReadOnlyList<LabeledText> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        foreach (var example in examples)
        {
            if (example?.Text is null || (example.Label != Positive && example.Label != Negative))
            {
                throw new ArgumentException($"Every example needs a text and the label '{Negative}' or '{Positive}'.", nameof(examples));
            }
        }

        if (examples.Select(e => e.Label).Distinct().Count() < 2)
        {
            throw new ArgumentException("Both labels are needed.", nameof(examples));
        }

        var features = new HashedTfIdfTrainer(_options.Features).Fit(examples.Select(e => e.Text).ToList());
        var regression = new SoftmaxRegressionTrainer(_options.Regression).Fit(
            features.TransformAll(examples.Select(e => e.Text).ToList()),
            examples.Select(e => e.Label == Positive ? 1 : 0).ToList(), 2, features.FeatureCount, null, cancellationToken);
        return new SentimentModel(features, regression, _options.Lexicon);
    }

    /// <summary>Training settings (the features and regression defaults of the intent classifier).</summary>
    public sealed class Options
    {
        public HashedTfIdfTrainer.Options Features { get; init; } = new();

        public SoftmaxRegressionTrainer.Options Regression { get; init; } = new();

        /// <summary>The fallback lexicon (not saved with the model: a loaded model gets the one passed to Load).</summary>
        public SentimentLexicon Lexicon { get; init; } = SentimentLexicon.Default;
    }
}
