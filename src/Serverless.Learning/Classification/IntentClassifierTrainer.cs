using System.Numerics.Tensors;
using Serverless.Learning.Text;

namespace Serverless.Learning.Classification;

/// <summary>
/// Trains an intent classifier: hashed TF-IDF features (<see cref="HashedTfIdfTrainer"/>), softmax regression
/// (<see cref="SoftmaxRegressionTrainer"/>), a temperature for calibrated confidence and an out-of-scope threshold,
/// both tuned on validation data.
/// <para>Without explicit validation data, a seeded stratified <see cref="Options.ValidationFraction"/> of the training
/// examples is held out: the regression is trained on the rest, calibrated and tuned on the hold-out, then (with
/// <see cref="Options.RefitOnAllData"/>) trained again on every example, warm-started, keeping the temperature and
/// threshold. The features' IDF is fitted once on all training texts (labels are not used for it).</para>
/// <para>Examples labelled <see cref="Options.OutOfScopeLabel"/> are not a class: they only serve to tune the threshold
/// when they fall in the validation data.</para>
/// </summary>
public sealed class IntentClassifierTrainer
{
    private readonly Options _options;

    public IntentClassifierTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        ArgumentNullException.ThrowIfNull(_options.Features, nameof(Options.Features));
        ArgumentNullException.ThrowIfNull(_options.Regression, nameof(Options.Regression));
        _ = new HashedTfIdfTrainer(_options.Features);
        _ = new SoftmaxRegressionTrainer(_options.Regression);
        if (_options.ValidationFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.ValidationFraction, $"{nameof(Options.ValidationFraction)} must be in (0, 1).");
        }

        if (_options.InScopeRejectionRate is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.InScopeRejectionRate, $"{nameof(Options.InScopeRejectionRate)} must be in [0, 1).");
        }

        if (_options.OutOfScopeLabel is { Length: 0 })
        {
            throw new ArgumentException($"{nameof(Options.OutOfScopeLabel)} must be null or non-empty.", nameof(options));
        }
    }

    public IntentClassifierModel Fit(
        IReadOnlyList<LabeledText> training, IReadOnlyList<LabeledText>? validation = null, CancellationToken cancellationToken = default) =>
        Fit(training, validation, out _, cancellationToken);

    public IntentClassifierModel Fit(
        IReadOnlyList<LabeledText> training, IReadOnlyList<LabeledText>? validation, out IntentTrainingReport report,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        foreach (var example in training.Concat(validation ?? []))
        {
            if (example?.Text is null || string.IsNullOrEmpty(example.Label))
            {
                throw new ArgumentException("Every example needs a text and a non-empty label.", nameof(training));
            }
        }

        var outOfScope = _options.OutOfScopeLabel;
        var labels = training.Select(e => e.Label).Where(l => l != outOfScope).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("Training data needs at least two intents.", nameof(training));
        }

        var classOf = labels.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
        IReadOnlyList<LabeledText> fitting = training;
        var holdOut = validation;
        var derived = validation is null;
        if (derived)
        {
            var (fitIndices, holdOutIndices) = StratifiedSampling.Split(
                training.Select(e => e.Label).ToList(), _options.ValidationFraction, _options.Seed);
            fitting = fitIndices.Select(i => training[i]).ToList();
            holdOut = holdOutIndices.Select(i => training[i]).ToList();
        }

        var inScopeTraining = training.Where(e => e.Label != outOfScope).ToList();
        var features = new HashedTfIdfTrainer(_options.Features).Fit(inScopeTraining.Select(e => e.Text).ToList());
        var regressionTrainer = new SoftmaxRegressionTrainer(_options.Regression);
        var fittingInScope = fitting.Where(e => e.Label != outOfScope).ToList();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var regression = regressionTrainer.Fit(
            features.TransformAll(fittingInScope.Select(e => e.Text).ToList()), fittingInScope.Select(e => classOf[e.Label]).ToList(),
            labels.Length, features.FeatureCount, out var first, start: null, cancellationToken);

        var temperature = 1.0;
        var threshold = 0.0;
        var calibrationExamples = holdOut!.Where(e => e.Label == outOfScope || classOf.ContainsKey(e.Label)).ToList();
        double nllBefore = double.NaN, nllAfter = double.NaN;
        if (calibrationExamples.Count > 0)
        {
            var vectors = features.TransformAll(calibrationExamples.Select(e => e.Text).ToList());
            var logits = vectors.Select(v =>
            {
                var row = new float[labels.Length];
                regression.Score(v, row);
                return row;
            }).ToArray();
            var inScopeRows = Enumerable.Range(0, calibrationExamples.Count).Where(i => calibrationExamples[i].Label != outOfScope).ToList();
            if (inScopeRows.Count > 0)
            {
                var inScopeLogits = inScopeRows.Select(i => logits[i]).ToList();
                var inScopeLabels = inScopeRows.Select(i => classOf[calibrationExamples[i].Label]).ToList();
                temperature = TemperatureScaling.Fit(inScopeLogits, inScopeLabels);
                nllBefore = TemperatureScaling.NegativeLogLikelihood(inScopeLogits, inScopeLabels, 1.0);
                nllAfter = TemperatureScaling.NegativeLogLikelihood(inScopeLogits, inScopeLabels, temperature);
            }

            var outcomes = new List<ValidationOutcome>(calibrationExamples.Count);
            for (var i = 0; i < calibrationExamples.Count; i++)
            {
                var probabilities = logits[i].ToArray();
                SoftmaxRegressionModel.Softmax(probabilities, temperature);
                var best = TensorPrimitives.IndexOfMax(probabilities);
                var isOutOfScope = calibrationExamples[i].Label == outOfScope;
                outcomes.Add(new ValidationOutcome(
                    probabilities[best], !isOutOfScope && best == classOf[calibrationExamples[i].Label], isOutOfScope));
            }

            threshold = OutOfScopeThreshold.Tune(outcomes, _options.InScopeRejectionRate);
        }

        var final = first;
        if (derived && _options.RefitOnAllData)
        {
            regression = regressionTrainer.Fit(
                features.TransformAll(inScopeTraining.Select(e => e.Text).ToList()), inScopeTraining.Select(e => classOf[e.Label]).ToList(),
                labels.Length, features.FeatureCount, out final, regression, cancellationToken);
        }

        stopwatch.Stop();
        report = new IntentTrainingReport(
            fittingInScope.Count, calibrationExamples.Count, features.FeatureCount, first, derived && _options.RefitOnAllData ? final : null,
            temperature, nllBefore, nllAfter, threshold, stopwatch.Elapsed);
        return new IntentClassifierModel(labels, features, regression, temperature, threshold, outOfScope);
    }

    /// <summary>Training settings.</summary>
    public sealed class Options
    {
        public HashedTfIdfTrainer.Options Features { get; init; } = new();

        public SoftmaxRegressionTrainer.Options Regression { get; init; } = new();

        /// <summary>Share of each intent held out for calibration when no validation data is given. Default 0.1.</summary>
        public double ValidationFraction { get; init; } = 0.1;

        /// <summary>After calibrating on the hold-out, train again on all examples (warm start). Default true.</summary>
        public bool RefitOnAllData { get; init; } = true;

        /// <summary>The label of out-of-scope examples (e.g. CLINC150's "oos"); null when the data has none.</summary>
        public string? OutOfScopeLabel { get; init; }

        /// <summary>Without out-of-scope validation examples: the share of in-scope validation examples the threshold may reject. Default 0.02.</summary>
        public double InScopeRejectionRate { get; init; } = 0.02;

        /// <summary>Seed of the validation hold-out. Default 42.</summary>
        public int Seed { get; init; } = 42;
    }
}
