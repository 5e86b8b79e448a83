using System.Globalization;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// Scores each item by the sum of its interaction weights, each halved for every <see cref="Options.HalfLife"/> it is
/// older than the reference time: what is popular now, not what was popular a year ago. The non-personalized baseline
/// and the cold-start fallback.
/// </summary>
public sealed class TimeDecayedPopularityTrainer : IRecommenderTrainer
{
    private readonly Options _options;

    public TimeDecayedPopularityTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (_options.HalfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.HalfLife, $"{nameof(Options.HalfLife)} must be positive.");
        }
    }

    public string Kind => PopularityModel.KindName;

    public RecommenderModel Fit(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        var matrix = TrainingData.Build(interactions, nameof(interactions));
        var reference = _options.ReferenceTime ?? matrix.Latest;
        var itemIndex = new Dictionary<string, int>(matrix.ItemCount, StringComparer.Ordinal);
        for (var i = 0; i < matrix.ItemCount; i++)
        {
            itemIndex[matrix.Items[i]] = i;
        }

        var scores = new double[matrix.ItemCount];
        var halfLifeTicks = (double)_options.HalfLife.Ticks;
        for (var n = 0; n < interactions.Count; n++)
        {
            if ((n & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var interaction = interactions[n];
            var age = Math.Max(0, (reference - interaction.Timestamp).Ticks);
            scores[itemIndex[interaction.ItemId]] += interaction.Weight * Math.Pow(0.5, age / halfLifeTicks);
        }

        var parameters = new Dictionary<string, string>
        {
            [nameof(Options.HalfLife)] = _options.HalfLife.ToString("c", CultureInfo.InvariantCulture),
            [nameof(Options.ReferenceTime)] = reference.ToString("O", CultureInfo.InvariantCulture),
        };
        return new PopularityModel(matrix.Items, scores.Select(s => (float)s).ToArray(), parameters);
    }

    /// <summary>Options of <see cref="TimeDecayedPopularityTrainer"/>.</summary>
    public sealed class Options
    {
        /// <summary>Age at which an interaction counts half. Default 7 days (best of 1-90 days on Online Retail validation).</summary>
        public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(7);

        /// <summary>The "now" that ages are measured from; default the latest interaction, so training is repeatable.</summary>
        public DateTimeOffset? ReferenceTime { get; init; }
    }
}
