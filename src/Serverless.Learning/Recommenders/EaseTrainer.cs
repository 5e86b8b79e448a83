using System.Globalization;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// EASE (Steck 2019): an item-item weight matrix B with a zero diagonal minimizing ‖X − XB‖² + λ‖B‖², in closed form:
/// P = (XᵀX + λI)⁻¹, B = −P / diag(P) column-wise. Cost is cubic in the item count and the dense matrix quadratic in
/// memory, so catalogs above <see cref="Options.MaximumItems"/> are refused.
/// </summary>
public sealed class EaseTrainer : IRecommenderTrainer
{
    private readonly Options _options;

    public EaseTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (!(_options.Regularization > 0) || !double.IsFinite(_options.Regularization))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.Regularization, $"{nameof(Options.Regularization)} must be positive.");
        }

        if (_options.MaximumItems is < 1 or > 40_000)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.MaximumItems, $"{nameof(Options.MaximumItems)} must be in [1, 40000].");
        }

        if (_options.MaximumDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.MaximumDegreeOfParallelism, $"{nameof(Options.MaximumDegreeOfParallelism)} must be at least 1.");
        }

        if (!Enum.IsDefined(_options.Input))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Input, $"Unknown {nameof(Options.Input)}.");
        }
    }

    public string Kind => EaseModel.KindName;

    public RecommenderModel Fit(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        var matrix = TrainingData.Build(interactions, nameof(interactions));
        var n = matrix.ItemCount;
        if (n > _options.MaximumItems)
        {
            throw new ArgumentException(
                $"EASE needs a dense {n} x {n} matrix; the catalog has {n} items, above {nameof(Options.MaximumItems)} = {_options.MaximumItems}. Use ALS or item-kNN, or raise the limit if memory allows ({(long)n * n * 12 / (1 << 20)} MiB).",
                nameof(interactions));
        }

        // Gram matrix XᵀX, accumulated user by user (each user adds the outer product of their row).
        var gram = new double[n * n];
        for (var user = 0; user < matrix.UserCount; user++)
        {
            if ((user & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var items = matrix.ItemsOf(user);
            var values = matrix.ValuesOfUser(user);
            for (var a = 0; a < items.Length; a++)
            {
                var rowOffset = items[a] * n;
                var left = Value(values[a]);
                for (var b = 0; b < items.Length; b++)
                {
                    gram[rowOffset + items[b]] += left * Value(values[b]);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            gram[(i * n) + i] += _options.Regularization;
        }

        cancellationToken.ThrowIfCancellationRequested();

        // Symmetric positive definite (λ > 0), so the inverse is symmetric and row or column order does not matter.
        PositiveDefiniteInverse.Invert(gram, n, TrainingData.Parallelism(_options.MaximumDegreeOfParallelism), cancellationToken);
        var inverse = gram;

        // B[j, i] = −P[j, i] / P[i, i], diagonal zero. Stored row j contiguous: the weights item j gives every item.
        var diagonal = new double[n];
        for (var i = 0; i < n; i++)
        {
            diagonal[i] = inverse[(i * n) + i];
        }

        var weights = new float[n * n];
        Parallel.For(
            0,
            n,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = TrainingData.Parallelism(_options.MaximumDegreeOfParallelism),
                CancellationToken = cancellationToken,
            },
            j =>
            {
                // P is symmetric: row j of P holds P[i, j] for every i, contiguously.
                var row = weights.AsSpan(j * n, n);
                var source = inverse.AsSpan(j * n, n);
                for (var i = 0; i < n; i++)
                {
                    row[i] = (float)(-source[i] / diagonal[i]);
                }

                row[j] = 0;
            });

        var parameters = new Dictionary<string, string>
        {
            [nameof(Options.Regularization)] = _options.Regularization.ToString("R", CultureInfo.InvariantCulture),
            [nameof(Options.Input)] = _options.Input.ToString(),
        };
        return new EaseModel(matrix.Items, weights, _options.Input == EaseInput.Binary, parameters);
    }

    private double Value(float weight) => _options.Input == EaseInput.Binary ? 1 : weight;

    /// <summary>Options of <see cref="EaseTrainer"/>.</summary>
    public sealed class Options
    {
        /// <summary>L2 penalty λ added to the Gram diagonal. Default 800 (best of 100-1600 on Online Retail validation).</summary>
        public double Regularization { get; init; } = 800;

        /// <summary>Largest catalog accepted (n² floats in the model, ~3 n² doubles while training). Default 20,000.</summary>
        public int MaximumItems { get; init; } = 20_000;

        /// <summary>Binary (Steck's choice) or weighted input. Default <see cref="EaseInput.Binary"/>.</summary>
        public EaseInput Input { get; init; } = EaseInput.Binary;

        /// <summary>Threads used for the inverse; default all processors.</summary>
        public int? MaximumDegreeOfParallelism { get; init; }
    }
}
