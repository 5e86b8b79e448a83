using System.Globalization;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// Item-to-item collaborative filtering: for each item, the <see cref="Options.Neighbors"/> most similar items by
/// <see cref="ItemSimilarity.Cosine"/> or <see cref="ItemSimilarity.Bm25"/>-weighted co-occurrence. A user's score for an
/// item is the history-weighted sum of its similarities to the history items, so new clicks count immediately.
/// </summary>
public sealed class ItemKnnTrainer : IRecommenderTrainer
{
    private readonly Options _options;

    public ItemKnnTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (!Enum.IsDefined(_options.Similarity))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Similarity, $"Unknown {nameof(Options.Similarity)}.");
        }

        if (_options.Neighbors < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Neighbors, $"{nameof(Options.Neighbors)} must be at least 1.");
        }

        if (!(_options.Bm25K1 > 0) || !double.IsFinite(_options.Bm25K1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Bm25K1, $"{nameof(Options.Bm25K1)} must be positive.");
        }

        if (!(_options.Bm25B >= 0 && _options.Bm25B <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Bm25B, $"{nameof(Options.Bm25B)} must be in [0, 1].");
        }

        if (_options.MaximumDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.MaximumDegreeOfParallelism, $"{nameof(Options.MaximumDegreeOfParallelism)} must be at least 1.");
        }
    }

    public string Kind => ItemKnnModel.KindName;

    public RecommenderModel Fit(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        var matrix = TrainingData.Build(interactions, nameof(interactions));
        var weights = _options.Similarity == ItemSimilarity.Bm25 ? Bm25Weights(matrix) : (float[])matrix.ItemValues.Clone();
        var userWeights = UserMajor(matrix, weights);
        var norms = new float[matrix.ItemCount];
        for (var i = 0; i < matrix.ItemCount; i++)
        {
            var values = weights.AsSpan(matrix.ItemOffsets[i], matrix.ItemOffsets[i + 1] - matrix.ItemOffsets[i]);
            norms[i] = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(values));
        }

        var neighbors = new int[matrix.ItemCount][];
        var similarities = new float[matrix.ItemCount][];
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = TrainingData.Parallelism(_options.MaximumDegreeOfParallelism),
        };
        Parallel.For(
            0,
            matrix.ItemCount,
            parallel,
            () => new CoOccurrenceRow(matrix.ItemCount),
            (item, _, row) =>
            {
                // Sparse co-occurrence row: every user of the item, then every item of that user.
                var accumulator = row.Values;
                for (var n = matrix.ItemOffsets[item]; n < matrix.ItemOffsets[item + 1]; n++)
                {
                    var user = matrix.ItemUsers[n];
                    var weight = weights[n];
                    var items = matrix.ItemsOf(user);
                    var values = userWeights.AsSpan(matrix.UserOffsets[user], items.Length);
                    for (var k = 0; k < items.Length; k++)
                    {
                        var other = items[k];
                        if (accumulator[other] == 0)
                        {
                            row.Touched.Add(other);
                        }

                        accumulator[other] += weight * values[k];
                    }
                }

                accumulator[item] = 0;
                if (_options.Similarity == ItemSimilarity.Cosine)
                {
                    foreach (var other in row.Touched)
                    {
                        accumulator[other] /= norms[item] * norms[other];
                    }
                }

                accumulator[item] = 0;
                var selected = TopItems.Select(accumulator, _options.Neighbors, score => score > 0, null).Order().ToArray();
                neighbors[item] = selected;
                similarities[item] = selected.Select(other => accumulator[other]).ToArray();
                row.Clear();
                return row;
            },
            _ => { });

        var parameters = new Dictionary<string, string>
        {
            [nameof(Options.Similarity)] = _options.Similarity.ToString(),
            [nameof(Options.Neighbors)] = _options.Neighbors.ToString(CultureInfo.InvariantCulture),
        };
        if (_options.Similarity == ItemSimilarity.Bm25)
        {
            parameters[nameof(Options.Bm25K1)] = _options.Bm25K1.ToString("R", CultureInfo.InvariantCulture);
            parameters[nameof(Options.Bm25B)] = _options.Bm25B.ToString("R", CultureInfo.InvariantCulture);
        }

        return ItemKnnModel.Create(matrix.Items, neighbors, similarities, parameters);
    }

    /// <summary>
    /// BM25 weight of every item-major entry, reading each item's user list as a document whose terms are users:
    /// idf(u) = ln(1 + (I - n_u + 0.5) / (n_u + 0.5)) with n_u the user's item count, and
    /// w = idf(u) * r (k1 + 1) / (r + k1 (1 - b + b L_i / avg L)) with L_i the item's user count.
    /// </summary>
    private float[] Bm25Weights(InteractionMatrix matrix)
    {
        var itemCount = (double)matrix.ItemCount;
        var averageLength = (double)matrix.NonZeroCount / matrix.ItemCount;
        var k1 = _options.Bm25K1;
        var b = _options.Bm25B;
        var weights = new float[matrix.NonZeroCount];
        for (var i = 0; i < matrix.ItemCount; i++)
        {
            var length = matrix.ItemOffsets[i + 1] - matrix.ItemOffsets[i];
            var norm = k1 * (1 - b + (b * length / averageLength));
            for (var n = matrix.ItemOffsets[i]; n < matrix.ItemOffsets[i + 1]; n++)
            {
                var user = matrix.ItemUsers[n];
                var userItems = matrix.UserOffsets[user + 1] - matrix.UserOffsets[user];
                var idf = Math.Log(1 + ((itemCount - userItems + 0.5) / (userItems + 0.5)));
                var r = matrix.ItemValues[n];
                weights[n] = (float)(idf * r * (k1 + 1) / (r + norm));
            }
        }

        return weights;
    }

    /// <summary>The item-major weights laid out user-major, aligned with <see cref="InteractionMatrix.UserItems"/>.</summary>
    private static float[] UserMajor(InteractionMatrix matrix, float[] itemMajorWeights)
    {
        var result = new float[matrix.NonZeroCount];
        var cursor = matrix.UserOffsets[..^1];
        for (var i = 0; i < matrix.ItemCount; i++)
        {
            for (var n = matrix.ItemOffsets[i]; n < matrix.ItemOffsets[i + 1]; n++)
            {
                // Item-major order visits each user's items in increasing item order, which is the user-major order.
                result[cursor[matrix.ItemUsers[n]]++] = itemMajorWeights[n];
            }
        }

        return result;
    }

    /// <summary>A dense accumulator reused across rows, cleared through the list of entries it touched.</summary>
    private sealed class CoOccurrenceRow(int itemCount)
    {
        public float[] Values { get; } = new float[itemCount];

        public List<int> Touched { get; } = [];

        public void Clear()
        {
            foreach (var item in Touched)
            {
                Values[item] = 0;
            }

            Touched.Clear();
        }
    }

    /// <summary>Options of <see cref="ItemKnnTrainer"/>.</summary>
    public sealed class Options
    {
        /// <summary>The similarity measure. Default <see cref="ItemSimilarity.Cosine"/>.</summary>
        public ItemSimilarity Similarity { get; init; } = ItemSimilarity.Cosine;

        /// <summary>
        /// How many most-similar items each item keeps. Default 200: on Online Retail (~3,400 items) quality still grew up
        /// to 1,000 (docs/quality.md), but the model holds items × neighbours entries, so large catalogs need a bound.
        /// </summary>
        public int Neighbors { get; init; } = 200;

        /// <summary>BM25 term-frequency saturation (only for <see cref="ItemSimilarity.Bm25"/>). Default 1.2.</summary>
        public double Bm25K1 { get; init; } = 1.2;

        /// <summary>BM25 length normalization in [0, 1] (only for <see cref="ItemSimilarity.Bm25"/>). Default 0.75.</summary>
        public double Bm25B { get; init; } = 0.75;

        /// <summary>Threads used for training; default all processors.</summary>
        public int? MaximumDegreeOfParallelism { get; init; }
    }
}
