using Microsoft.Extensions.Options;

namespace Serverless.Application.Recommendations;

/// <summary>Checks the <c>Recommendations</c> serving settings at start-up.</summary>
public sealed class RecommendationOptionsValidator : IValidateOptions<RecommendationOptions>
{
    public ValidateOptionsResult Validate(string? name, RecommendationOptions options)
    {
        const string Section = RecommendationOptions.SectionName;
        var errors = new List<string>();
        if (options.MaxCount is < 1 or > 1000)
        {
            errors.Add($"{Section}:{nameof(options.MaxCount)} must be between 1 and 1000.");
        }

        if (options.DefaultCount < 1 || options.DefaultCount > options.MaxCount)
        {
            errors.Add($"{Section}:{nameof(options.DefaultCount)} must be between 1 and MaxCount.");
        }

        if (options.MaxPerCategory < 0)
        {
            errors.Add($"{Section}:{nameof(options.MaxPerCategory)} must not be negative.");
        }

        if (options.RepurchaseWindowDays is < 0 or > 3660)
        {
            errors.Add($"{Section}:{nameof(options.RepurchaseWindowDays)} must be between 0 and 3660.");
        }

        if (!Enum.IsDefined(options.ItemsNotInCatalog))
        {
            errors.Add($"{Section}:{nameof(options.ItemsNotInCatalog)} must be ExcludeUnlessCatalogEmpty, Exclude or Include.");
        }

        if (!(options.ModelPollSeconds is >= 0 and <= 86_400) || !(options.CatalogRefreshSeconds is >= 0 and <= 86_400))
        {
            errors.Add($"{Section}:{nameof(options.ModelPollSeconds)} and {nameof(options.CatalogRefreshSeconds)} must be between 0 and 86400.");
        }

        if (!(options.HistoryHalfLifeHours > 0))
        {
            errors.Add($"{Section}:{nameof(options.HistoryHalfLifeHours)} must be positive.");
        }

        if (!(options.CartBoost >= 1) || !double.IsFinite(options.CartBoost))
        {
            errors.Add($"{Section}:{nameof(options.CartBoost)} must be at least 1.");
        }

        if (options.AffinityCategories is < 0 or > 20)
        {
            errors.Add($"{Section}:{nameof(options.AffinityCategories)} must be between 0 and 20.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
