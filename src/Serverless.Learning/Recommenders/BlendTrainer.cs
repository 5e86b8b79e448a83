using System.Globalization;
using Serverless.Learning.Evaluation;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// A weighted sum of other models' scores, each scaled by its largest magnitude for the user so the scales compare.
/// The weights are chosen by grid search on a temporal validation split carved from the end of the training data
/// (never from the test data): components are fitted before the last <see cref="Options.ValidationWindow"/>, every
/// weight vector on the grid is scored by NDCG@<see cref="Options.K"/> on the items users touched inside the window,
/// then the components with a non-zero weight are refitted on all the data.
/// </summary>
public sealed class BlendTrainer : IRecommenderTrainer
{
    private readonly Options _options;

    public BlendTrainer(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (options.Components is null || options.Components.Count < 2 || options.Components.Any(c => c is null))
        {
            throw new ArgumentException($"{nameof(Options.Components)} needs at least two trainers.", nameof(options));
        }

        if (options.ValidationWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.ValidationWindow, $"{nameof(Options.ValidationWindow)} must be positive.");
        }

        if (options.K < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.K, $"{nameof(Options.K)} must be at least 1.");
        }

        if (options.WeightSteps is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.WeightSteps, $"{nameof(Options.WeightSteps)} must be in [1, 100].");
        }

        if (options.MaximumValidationUsers < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaximumValidationUsers, $"{nameof(Options.MaximumValidationUsers)} must be at least 1.");
        }
    }

    public string Kind => BlendModel.KindName;

    /// <summary>Chooses the weights on the validation window, then refits the kept components on everything.</summary>
    public RecommenderModel Fit(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        TrainingData.Build(interactions, nameof(interactions));
        var latest = interactions.Max(i => i.Timestamp);
        var split = TemporalSplit.Create(interactions, latest - _options.ValidationWindow);
        if (split.Users.Count == 0 || split.Train.Count == 0)
        {
            throw new ArgumentException(
                $"The last {_options.ValidationWindow.TotalDays:0.#} days leave no validation user with training history; change {nameof(Options.ValidationWindow)}.",
                nameof(interactions));
        }

        var components = _options.Components;
        var validationModels = components.Select(c => c.Fit(split.Train, cancellationToken)).ToArray();
        var users = Sample(split.Users, _options.MaximumValidationUsers, _options.Seed);
        var cache = ValidationScores.Compute(validationModels, users, cancellationToken);
        var (weights, ndcg) = Search(cache, components.Count, cancellationToken);

        var kept = Enumerable.Range(0, components.Count).Where(c => weights[c] > 0).ToArray();
        var finalModels = kept.Select(c => components[c].Fit(interactions, cancellationToken)).ToArray();
        var parameters = new Dictionary<string, string>
        {
            [nameof(Options.ValidationWindow)] = _options.ValidationWindow.ToString("c", CultureInfo.InvariantCulture),
            [nameof(Options.K)] = _options.K.ToString(CultureInfo.InvariantCulture),
            ["ValidationUsers"] = users.Count.ToString(CultureInfo.InvariantCulture),
            ["ValidationNdcg"] = ndcg.ToString("R", CultureInfo.InvariantCulture),
        };
        for (var c = 0; c < components.Count; c++)
        {
            parameters[$"Weight[{c}].{components[c].Kind}"] = weights[c].ToString("R", CultureInfo.InvariantCulture);
        }

        return new BlendModel(finalModels, kept.Select(c => (float)weights[c]).ToArray(), parameters);
    }

    private (double[] Weights, double Ndcg) Search(ValidationScores cache, int componentCount, CancellationToken cancellationToken)
    {
        double[]? best = null;
        var bestNdcg = double.NegativeInfinity;
        foreach (var grid in Grid(componentCount, _options.WeightSteps))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var weights = grid.Select(g => (double)g / _options.WeightSteps).ToArray();
            var ndcg = cache.MeanNdcg(weights.Select(w => (float)w).ToArray(), _options.K);

            // Strictly better only: among equals the earlier grid point (more weight on earlier components) wins.
            if (ndcg > bestNdcg)
            {
                bestNdcg = ndcg;
                best = weights;
            }
        }

        return (best!, bestNdcg);
    }

    /// <summary>Every vector of non-negative integers summing to <paramref name="steps"/>, earlier components first.</summary>
    internal static IEnumerable<int[]> Grid(int components, int steps)
    {
        var current = new int[components];
        return Fill(0, steps);

        IEnumerable<int[]> Fill(int position, int remaining)
        {
            if (position == components - 1)
            {
                current[position] = remaining;
                yield return (int[])current.Clone();
                yield break;
            }

            for (var value = remaining; value >= 0; value--)
            {
                current[position] = value;
                foreach (var vector in Fill(position + 1, remaining - value))
                {
                    yield return vector;
                }
            }
        }
    }

    private static IReadOnlyList<EvaluationUser> Sample(IReadOnlyList<EvaluationUser> users, int maximum, int seed)
    {
        if (users.Count <= maximum)
        {
            return users;
        }

        var order = users.ToArray();
        new Random(seed).Shuffle(order);
        return order.Take(maximum).OrderBy(u => u.UserId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Options of <see cref="BlendTrainer"/>.</summary>
    public sealed class Options
    {
        /// <summary>The trainers whose models are blended (at least two). Weights come out in this order.</summary>
        public IReadOnlyList<IRecommenderTrainer> Components { get; init; } = [];

        /// <summary>The end of the training data held out to choose the weights. Default 30 days.</summary>
        public TimeSpan ValidationWindow { get; init; } = TimeSpan.FromDays(30);

        /// <summary>Cutoff of the NDCG that selects the weights. Default 10.</summary>
        public int K { get; init; } = 10;

        /// <summary>Grid resolution: weights are multiples of 1 / WeightSteps summing to 1. Default 10.</summary>
        public int WeightSteps { get; init; } = 10;

        /// <summary>Validation users scored per grid point (a seeded sample when there are more). Default 1,000.</summary>
        public int MaximumValidationUsers { get; init; } = 1_000;

        /// <summary>Seed of the validation user sample. Default 42.</summary>
        public int Seed { get; init; } = 42;
    }
}
