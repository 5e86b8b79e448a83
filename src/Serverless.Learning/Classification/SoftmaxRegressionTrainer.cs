using System.Numerics.Tensors;
using Serverless.Learning.Text;

namespace Serverless.Learning.Classification;

/// <summary>
/// Multinomial logistic regression (softmax) with L2 regularization on sparse features. Minimizes the mean
/// cross-entropy plus (λ/2)·‖W‖² (biases not penalized), the objective of scikit-learn's
/// <c>LogisticRegression(multi_class="multinomial")</c> with C = 1/(λ·n), by full-batch L-BFGS
/// (<see cref="LimitedMemoryBfgs"/>) from zero weights. The objective and gradient are computed on
/// <see cref="Options.MaximumThreads"/> fixed slices of the data, summed in a fixed order, so results do not depend on
/// thread timing.
/// </summary>
public sealed class SoftmaxRegressionTrainer
{
    private readonly Options _options;

    public SoftmaxRegressionTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (!(_options.L2Regularization >= 0) || double.IsInfinity(_options.L2Regularization))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.L2Regularization, $"{nameof(Options.L2Regularization)} must be a finite number >= 0.");
        }

        if (_options.MaximumIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaximumIterations, $"{nameof(Options.MaximumIterations)} must be at least 1.");
        }

        if (!(_options.GradientTolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.GradientTolerance, $"{nameof(Options.GradientTolerance)} must be positive.");
        }

        if (_options.HistorySize is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.HistorySize, $"{nameof(Options.HistorySize)} must be between 1 and 100.");
        }

        if (_options.MaximumThreads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaximumThreads, $"{nameof(Options.MaximumThreads)} must be at least 1.");
        }
    }

    /// <summary>Trains on rows <paramref name="features"/> with class indices <paramref name="labels"/> (0..classCount-1).</summary>
    /// <param name="start">Optional warm start of the same shape (e.g. the model of a validation run, refitted on all data).</param>
    public SoftmaxRegressionModel Fit(
        IReadOnlyList<SparseVector> features, IReadOnlyList<int> labels, int classCount, int featureCount,
        SoftmaxRegressionModel? start = null, CancellationToken cancellationToken = default) =>
        Fit(features, labels, classCount, featureCount, out _, start, cancellationToken);

    public SoftmaxRegressionModel Fit(
        IReadOnlyList<SparseVector> features, IReadOnlyList<int> labels, int classCount, int featureCount,
        out LimitedMemoryBfgsResult optimization, SoftmaxRegressionModel? start = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Count == 0 || features.Count != labels.Count)
        {
            throw new ArgumentException("Features and labels must be non-empty and of the same length.", nameof(labels));
        }

        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "At least two classes are needed.");
        }

        foreach (var label in labels)
        {
            if ((uint)label >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Labels must be within 0..{classCount - 1}.");
            }
        }

        foreach (var row in features)
        {
            if (row.Count > 0 && (row.Indices[0] < 0 || row.Indices[^1] >= featureCount))
            {
                throw new ArgumentOutOfRangeException(nameof(features), $"Feature indices must be within 0..{featureCount - 1}.");
            }
        }

        if (start is not null && (start.ClassCount != classCount || start.FeatureCount != featureCount))
        {
            throw new ArgumentException("The warm start has a different shape.", nameof(start));
        }

        var k = classCount;
        var weightCount = featureCount * k;
        var parameters = new double[weightCount + k];
        if (start is not null)
        {
            for (var i = 0; i < weightCount; i++)
            {
                parameters[i] = start.Weights[i];
            }

            for (var c = 0; c < k; c++)
            {
                parameters[weightCount + c] = start.Biases[c];
            }
        }

        var slices = Math.Max(1, Math.Min(_options.MaximumThreads ?? Environment.ProcessorCount, features.Count / 256));
        var buffers = new double[slices][];
        for (var t = 0; t < slices; t++)
        {
            buffers[t] = new double[parameters.Length];
        }

        var losses = new double[slices];
        var n = features.Count;
        var lambda = _options.L2Regularization;

        double Objective(double[] x, double[] gradient)
        {
            Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices, CancellationToken = cancellationToken }, t =>
            {
                var from = (int)((long)n * t / slices);
                var to = (int)((long)n * (t + 1) / slices);
                losses[t] = Accumulate(features, labels, from, to, x, buffers[t], k, weightCount);
            });

            buffers[0].AsSpan().CopyTo(gradient);
            var loss = losses[0];
            for (var t = 1; t < slices; t++)
            {
                TensorPrimitives.Add(gradient, buffers[t], gradient);
                loss += losses[t];
            }

            TensorPrimitives.Multiply(gradient, 1.0 / n, gradient);
            var weights = x.AsSpan(0, weightCount);
            TensorPrimitives.MultiplyAdd(weights, lambda, gradient.AsSpan(0, weightCount), gradient.AsSpan(0, weightCount));
            return loss / n + 0.5 * lambda * TensorPrimitives.Dot(weights, weights);
        }

        optimization = LimitedMemoryBfgs.Minimize(
            Objective, parameters, _options.HistorySize, _options.MaximumIterations, _options.GradientTolerance, cancellationToken);
        var finalWeights = new float[weightCount];
        for (var i = 0; i < weightCount; i++)
        {
            finalWeights[i] = (float)parameters[i];
        }

        var finalBiases = new float[k];
        for (var c = 0; c < k; c++)
        {
            finalBiases[c] = (float)parameters[weightCount + c];
        }

        return new SoftmaxRegressionModel(k, featureCount, finalWeights, finalBiases);
    }

    /// <summary>Summed cross-entropy of rows from..to, its gradient written (not added) into <paramref name="gradient"/>.</summary>
    private static double Accumulate(
        IReadOnlyList<SparseVector> features, IReadOnlyList<int> labels, int from, int to, double[] parameters,
        double[] gradient, int k, int weightCount)
    {
        Array.Clear(gradient);
        var logits = new double[k];
        var biases = parameters.AsSpan(weightCount, k);
        var biasGradient = gradient.AsSpan(weightCount, k);
        double loss = 0;
        for (var i = from; i < to; i++)
        {
            var row = features[i];
            biases.CopyTo(logits);
            for (var j = 0; j < row.Count; j++)
            {
                TensorPrimitives.MultiplyAdd(parameters.AsSpan(row.Indices[j] * k, k), row.Values[j], logits, logits);
            }

            var max = TensorPrimitives.Max(logits);
            TensorPrimitives.Subtract(logits, max, logits);
            TensorPrimitives.Exp(logits, logits);
            var sum = TensorPrimitives.Sum(logits);
            TensorPrimitives.Multiply(logits, 1.0 / sum, logits); // now probabilities
            var label = labels[i];
            loss -= Math.Log(Math.Max(logits[label], double.Epsilon));
            logits[label] -= 1.0; // now the gradient of the loss with respect to the logits
            for (var j = 0; j < row.Count; j++)
            {
                var slice = gradient.AsSpan(row.Indices[j] * k, k);
                TensorPrimitives.MultiplyAdd(logits, row.Values[j], slice, slice);
            }

            TensorPrimitives.Add(biasGradient, logits, biasGradient);
        }

        return loss;
    }

    /// <summary>Training settings.</summary>
    public sealed class Options
    {
        /// <summary>λ of the (λ/2)·‖W‖² penalty on the mean loss; scikit-learn's C is 1/(λ·n). Default 1e-5 (chosen on a Banking77 training hold-out, docs/quality.md).</summary>
        public double L2Regularization { get; init; } = 1e-5;

        /// <summary>Upper bound on L-BFGS iterations. Default 300.</summary>
        public int MaximumIterations { get; init; } = 300;

        /// <summary>Stop when every gradient component is at most this (mean-loss scale). Default 1e-7.</summary>
        public double GradientTolerance { get; init; } = 1e-7;

        /// <summary>L-BFGS memory: the number of correction pairs kept. Default 10.</summary>
        public int HistorySize { get; init; } = 10;

        /// <summary>Threads (and data slices) for the objective; null uses every processor.</summary>
        public int? MaximumThreads { get; init; }
    }
}
