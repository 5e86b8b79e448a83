using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Serverless.Learning.Recommenders;

namespace Serverless.Application.Training;

/// <summary>
/// Builds the configured trainer from the <c>Recommendations:Training</c> section, and again from the parameters a
/// manifest recorded (the same keys), so the job can refit the live model's configuration on the evaluation window.
/// Every option is recorded with its effective value, defaults included, so a manifest says exactly what was fitted.
/// </summary>
public static class RecommenderTrainerConfiguration
{
    public const string TrainerKey = nameof(RecommenderTrainingOptions.Trainer);
    public const string BlendComponentsKey = nameof(RecommenderTrainingOptions.BlendComponents);
    public const string WeightingSection = "Weighting";

    /// <summary>From the <c>Recommendations:Training</c> section (or a manifest's parameters as a configuration).</summary>
    public static ConfiguredTrainer Create(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var kind = ReadKind(section[TrainerKey], TrainerKey) ?? RecommenderTrainingOptions.DefaultTrainer;
        parameters[TrainerKey] = kind.ToString();

        var weightingOptions = section.GetSection(WeightingSection).Get<InteractionWeighting.Options>() ?? new InteractionWeighting.Options();
        Record(parameters, WeightingSection, weightingOptions);

        IRecommenderTrainer trainer;
        if (kind == RecommenderTrainerKind.Blend)
        {
            var components = section.GetSection(BlendComponentsKey).GetChildren()
                .Select((child, i) => ReadKind(child.Value, $"{BlendComponentsKey}:{i}")!.Value)
                .ToList();
            if (components.Count == 0)
            {
                components = [.. RecommenderTrainingOptions.DefaultBlendComponents];
            }

            if (components.Count < 2 || components.Contains(RecommenderTrainerKind.Blend) || components.Distinct().Count() != components.Count)
            {
                throw new InvalidOperationException($"{BlendComponentsKey} must name at least two different trainers other than Blend.");
            }

            var bound = section.GetSection(nameof(RecommenderTrainerKind.Blend)).Get<BlendTrainer.Options>() ?? new BlendTrainer.Options();
            var blendOptions = new BlendTrainer.Options
            {
                Components = components.Select(component => Single(component, section, parameters)).ToList(),
                ValidationWindow = bound.ValidationWindow,
                K = bound.K,
                WeightSteps = bound.WeightSteps,
                MaximumValidationUsers = bound.MaximumValidationUsers,
                Seed = bound.Seed,
            };
            for (var i = 0; i < components.Count; i++)
            {
                parameters[$"{BlendComponentsKey}:{i.ToString(CultureInfo.InvariantCulture)}"] = components[i].ToString();
            }

            Record(parameters, nameof(RecommenderTrainerKind.Blend), blendOptions);
            trainer = new BlendTrainer(blendOptions);
        }
        else
        {
            trainer = Single(kind, section, parameters);
        }

        return new ConfiguredTrainer(kind, trainer, weightingOptions, parameters);
    }

    /// <summary>From the parameters recorded by <see cref="Create(IConfiguration)"/>.</summary>
    public static ConfiguredTrainer Create(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(parameters.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)))
            .Build();
        return Create(configuration);
    }

    private static IRecommenderTrainer Single(RecommenderTrainerKind kind, IConfiguration section, IDictionary<string, string> parameters)
    {
        var name = kind.ToString();
        var options = section.GetSection(name);
        switch (kind)
        {
            case RecommenderTrainerKind.Popularity:
                var popularity = options.Get<TimeDecayedPopularityTrainer.Options>() ?? new TimeDecayedPopularityTrainer.Options();
                Record(parameters, name, popularity);
                return new TimeDecayedPopularityTrainer(popularity);
            case RecommenderTrainerKind.ItemKnn:
                var itemKnn = options.Get<ItemKnnTrainer.Options>() ?? new ItemKnnTrainer.Options();
                Record(parameters, name, itemKnn);
                return new ItemKnnTrainer(itemKnn);
            case RecommenderTrainerKind.ImplicitAls:
                var als = options.Get<ImplicitAlsTrainer.Options>() ?? new ImplicitAlsTrainer.Options();
                Record(parameters, name, als);
                return new ImplicitAlsTrainer(als);
            case RecommenderTrainerKind.Ease:
                var ease = options.Get<EaseTrainer.Options>() ?? new EaseTrainer.Options();
                Record(parameters, name, ease);
                return new EaseTrainer(ease);
            default:
                throw new InvalidOperationException($"{kind} is not a single trainer.");
        }
    }

    private static RecommenderTrainerKind? ReadKind(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Enum.TryParse<RecommenderTrainerKind>(value.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidOperationException(
                $"{key} must be one of {string.Join(", ", Enum.GetNames<RecommenderTrainerKind>())}, not '{value}'.");
    }

    /// <summary>Every public scalar property of <paramref name="options"/> as <c>{prefix}:{Name}</c>, invariant culture.</summary>
    private static void Record(IDictionary<string, string> parameters, string prefix, object options)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && Format(property.GetValue(options)) is { } text)
            {
                parameters[$"{prefix}:{property.Name}"] = text;
            }
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        Enum member => member.ToString(),
        bool flag => flag ? "true" : "false",
        string text => text,
        IFormattable formattable when value.GetType().IsPrimitive => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}
