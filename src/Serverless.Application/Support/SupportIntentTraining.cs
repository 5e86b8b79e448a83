using Serverless.Learning.Classification;

namespace Serverless.Application.Support;

/// <summary>
/// Trains the support intent classifier (hashed TF-IDF + softmax regression with calibrated confidence,
/// <see cref="IntentClassifierTrainer"/>) and measures accuracy on a seeded stratified hold-out.
/// </summary>
public static class SupportIntentTraining
{
    public const string ModelName = "support-intents";
    public const string ModelKind = "intent-classifier";

    public static IntentClassifierModel Fit(IReadOnlyList<LabeledText> rows, int seed, CancellationToken cancellationToken) =>
        new IntentClassifierTrainer(new IntentClassifierTrainer.Options { Seed = seed }).Fit(rows, null, cancellationToken);

    /// <summary>A seeded label-stratified split: (training, hold-out).</summary>
    public static (List<LabeledText> Train, List<LabeledText> Holdout) Split(IReadOnlyList<LabeledText> rows, double holdoutFraction, int seed)
    {
        var (train, holdout) = StratifiedSampling.Split(rows.Select(r => r.Label).ToList(), holdoutFraction, seed);
        return (train.Select(i => rows[i]).ToList(), holdout.Select(i => rows[i]).ToList());
    }

    /// <summary>Share of hold-out rows whose best label is the true one.</summary>
    public static double Accuracy(IntentClassifierModel model, IReadOnlyList<LabeledText> holdout) =>
        holdout.Count == 0 ? 0 : holdout.Count(r => model.Predict(r.Text, 1).Label == r.Label) / (double)holdout.Count;
}
