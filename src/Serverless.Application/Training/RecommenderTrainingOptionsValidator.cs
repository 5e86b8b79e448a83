using Microsoft.Extensions.Options;

namespace Serverless.Application.Training;

/// <summary>Checks the <c>Recommendations:Training</c> settings at start-up.</summary>
public sealed class RecommenderTrainingOptionsValidator : IValidateOptions<RecommenderTrainingOptions>
{
    public ValidateOptionsResult Validate(string? name, RecommenderTrainingOptions options)
    {
        const string Section = RecommenderTrainingOptions.SectionName;
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Trainer))
        {
            errors.Add($"{Section}:{nameof(options.Trainer)} must be one of {string.Join(", ", Enum.GetNames<RecommenderTrainerKind>())}.");
        }

        var components = options.EffectiveBlendComponents;
        if (components.Count < 2 || components.Contains(RecommenderTrainerKind.Blend) || components.Distinct().Count() != components.Count
            || !components.All(Enum.IsDefined))
        {
            errors.Add($"{Section}:{nameof(options.BlendComponents)} must name at least two different trainers other than Blend.");
        }

        if (options.HoldoutDays is < 1 or > 365)
        {
            errors.Add($"{Section}:{nameof(options.HoldoutDays)} must be between 1 and 365.");
        }

        if (options.TrainingWindowDays <= options.HoldoutDays || options.TrainingWindowDays > 3660)
        {
            errors.Add($"{Section}:{nameof(options.TrainingWindowDays)} must be more than HoldoutDays and at most 3660.");
        }

        if (options.MinimumHoldoutUsers < 1)
        {
            errors.Add($"{Section}:{nameof(options.MinimumHoldoutUsers)} must be at least 1.");
        }

        if (options.MetricK is < 1 or > 100)
        {
            errors.Add($"{Section}:{nameof(options.MetricK)} must be between 1 and 100.");
        }

        if (!(options.PromotionMargin is >= 0 and < 1))
        {
            errors.Add($"{Section}:{nameof(options.PromotionMargin)} must be at least 0 and below 1.");
        }

        if (options.KeepVersions is < 2 or > 100)
        {
            errors.Add($"{Section}:{nameof(options.KeepVersions)} must be between 2 and 100 (one to serve, one to roll back to).");
        }

        if (!(options.PopularityHalfLifeDays > 0) || !(options.TrendingHalfLifeDays > 0))
        {
            errors.Add($"{Section}:{nameof(options.PopularityHalfLifeDays)} and {nameof(options.TrendingHalfLifeDays)} must be positive.");
        }

        if (options.PopularListLength is < 10 or > 10_000)
        {
            errors.Add($"{Section}:{nameof(options.PopularListLength)} must be between 10 and 10000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
