using System.CommandLine;

namespace Serverless.Cli.Recommendations;

/// <summary>The hyperparameter options shared by the <c>recs</c> commands; unset options keep <see cref="TrainerSettings"/>' defaults.</summary>
internal sealed class TrainerSettingsOptions
{
    private static readonly TrainerSettings Defaults = new();

    public Option<int?> KnnNeighbors { get; } = new Option<int?>("--knn-neighbors")
    {
        Description = $"Neighbours kept per item by item-kNN (default {Defaults.KnnNeighbors}).",
    }.Positive();

    public Option<int?> AlsFactors { get; } = new Option<int?>("--als-factors")
    {
        Description = $"ALS latent factors (default {Defaults.AlsFactors}).",
    }.Positive();

    public Option<double?> AlsRegularization { get; } = new("--als-regularization")
    {
        Description = $"ALS L2 regularization λ (default {Defaults.AlsRegularization}).",
    };

    public Option<double?> AlsAlpha { get; } = new("--als-alpha")
    {
        Description = $"ALS confidence slope α: confidence = 1 + α·weight (default {Defaults.AlsAlpha}).",
    };

    public Option<int?> AlsIterations { get; } = new Option<int?>("--als-iterations")
    {
        Description = $"ALS alternations (default {Defaults.AlsIterations}).",
    }.Positive();

    public Option<double?> EaseLambda { get; } = new("--ease-lambda")
    {
        Description = $"EASE L2 regularization λ (default {Defaults.EaseRegularization}).",
    };

    public Option<double?> HalfLifeDays { get; } = new("--popularity-half-life")
    {
        Description = $"Popularity half-life in days (default {Defaults.PopularityHalfLifeDays}).",
    };

    public Option<string?> BlendComponents { get; } = new("--blend")
    {
        Description = "Comma-separated trainers blended by the blend trainer (default " +
                      string.Join(",", Defaults.BlendComponents.Select(TrainerLineup.Name)) + ").",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
                 {
                     KnnNeighbors, AlsFactors, AlsRegularization, AlsAlpha, AlsIterations, EaseLambda, HalfLifeDays, BlendComponents,
                 })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The settings, or throws <see cref="ArgumentException"/> naming the option that is out of range.</summary>
    public TrainerSettings Read(ParseResult parseResult)
    {
        var blend = Defaults.BlendComponents;
        if (parseResult.GetValue(BlendComponents) is { } names)
        {
            blend = TrainerLineup.Parse(names, out var error) ?? throw new ArgumentException($"--blend: {error}");
            if (blend.Contains(RecommenderTrainerChoice.Blend) || blend.Count < 2)
            {
                throw new ArgumentException("--blend needs at least two trainers other than blend.");
            }
        }

        return new TrainerSettings
        {
            KnnNeighbors = parseResult.GetValue(KnnNeighbors) ?? Defaults.KnnNeighbors,
            AlsFactors = parseResult.GetValue(AlsFactors) ?? Defaults.AlsFactors,
            AlsRegularization = Positive(parseResult.GetValue(AlsRegularization), Defaults.AlsRegularization, AlsRegularization.Name),
            AlsAlpha = NotNegative(parseResult.GetValue(AlsAlpha), Defaults.AlsAlpha, AlsAlpha.Name),
            AlsIterations = parseResult.GetValue(AlsIterations) ?? Defaults.AlsIterations,
            EaseRegularization = Positive(parseResult.GetValue(EaseLambda), Defaults.EaseRegularization, EaseLambda.Name),
            PopularityHalfLifeDays = Positive(parseResult.GetValue(HalfLifeDays), Defaults.PopularityHalfLifeDays, HalfLifeDays.Name),
            BlendComponents = blend,
        };
    }

    private static double Positive(double? value, double fallback, string name) =>
        value is { } v ? (v > 0 && double.IsFinite(v) ? v : throw new ArgumentException($"{name} must be positive (got {v}).")) : fallback;

    private static double NotNegative(double? value, double fallback, string name) =>
        value is { } v ? (v >= 0 && double.IsFinite(v) ? v : throw new ArgumentException($"{name} must not be negative (got {v}).")) : fallback;
}
