using Microsoft.Extensions.Options;
using Serverless.Domain.Validation;

namespace Serverless.Application.Forecasts;

/// <summary>Checks the <c>Forecasts</c> settings at start-up.</summary>
public sealed class ForecastOptionsValidator : IValidateOptions<ForecastOptions>
{
    public ValidateOptionsResult Validate(string? name, ForecastOptions options)
    {
        const string Section = ForecastOptions.SectionName;
        var errors = new List<string>();
        if (options.MaxHorizonDays is < 1 or > 3660 || options.MaxHorizonWeeks is < 1 or > 520)
        {
            errors.Add($"{Section}:{nameof(options.MaxHorizonDays)} must be between 1 and 3660 and {nameof(options.MaxHorizonWeeks)} between 1 and 520.");
        }

        if (options.DefaultHorizonDays < 1 || options.DefaultHorizonDays > options.MaxHorizonDays)
        {
            errors.Add($"{Section}:{nameof(options.DefaultHorizonDays)} must be between 1 and {nameof(options.MaxHorizonDays)}.");
        }

        if (options.DefaultHorizonWeeks < 1 || options.DefaultHorizonWeeks > options.MaxHorizonWeeks)
        {
            errors.Add($"{Section}:{nameof(options.DefaultHorizonWeeks)} must be between 1 and {nameof(options.MaxHorizonWeeks)}.");
        }

        if (options.PrecomputeHorizonDays < 1 || options.PrecomputeHorizonDays > options.MaxHorizonDays)
        {
            errors.Add($"{Section}:{nameof(options.PrecomputeHorizonDays)} must be between 1 and {nameof(options.MaxHorizonDays)}.");
        }

        if (options.PrecomputeHorizonWeeks < 1 || options.PrecomputeHorizonWeeks > options.MaxHorizonWeeks)
        {
            errors.Add($"{Section}:{nameof(options.PrecomputeHorizonWeeks)} must be between 1 and {nameof(options.MaxHorizonWeeks)}.");
        }

        if (options.HistoryDays is < 14 or > 3660)
        {
            errors.Add($"{Section}:{nameof(options.HistoryDays)} must be between 14 and 3660.");
        }

        if (!(options.HistoryRefreshSeconds is >= 0 and <= 86_400) || !(options.ModelCacheSeconds is >= 0 and <= 86_400))
        {
            errors.Add($"{Section}:{nameof(options.HistoryRefreshSeconds)} and {nameof(options.ModelCacheSeconds)} must be between 0 and 86400.");
        }

        if (!(options.PrecomputedMaxAgeHours > 0) || !double.IsFinite(options.PrecomputedMaxAgeHours))
        {
            errors.Add($"{Section}:{nameof(options.PrecomputedMaxAgeHours)} must be positive.");
        }

        if (options.BacktestOrigins is < 1 or > 100 || options.BacktestHorizonDays < 1 || options.BacktestHorizonWeeks < 1)
        {
            errors.Add($"{Section}:{nameof(options.BacktestOrigins)} must be between 1 and 100, and the backtest horizons at least 1.");
        }

        if (options.EtsMaxEvaluations < 50)
        {
            errors.Add($"{Section}:{nameof(options.EtsMaxEvaluations)} must be at least 50.");
        }

        if (IdentifierRules.Check(options.UncategorizedName) is { } problem)
        {
            errors.Add($"{Section}:{nameof(options.UncategorizedName)} {problem}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
