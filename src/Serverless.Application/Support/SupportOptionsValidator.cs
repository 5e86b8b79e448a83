using Microsoft.Extensions.Options;

namespace Serverless.Application.Support;

/// <summary>Checks the <c>Support</c> settings at start-up.</summary>
public sealed class SupportOptionsValidator : IValidateOptions<SupportOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        const string Section = SupportOptions.SectionName;
        var errors = new List<string>();
        if (options.MaxMessageLength is < 1 or > 100_000)
        {
            errors.Add($"{Section}:{nameof(options.MaxMessageLength)} must be between 1 and 100000.");
        }

        if (!(options.MinimumConfidence is >= 0 and <= 1))
        {
            errors.Add($"{Section}:{nameof(options.MinimumConfidence)} must be between 0 and 1.");
        }

        if (!(options.HandoffSentiment is >= -1 and <= 1))
        {
            errors.Add($"{Section}:{nameof(options.HandoffSentiment)} must be between -1 and 1.");
        }

        if (options.ReturnWindowDays is < 0 or > 3660)
        {
            errors.Add($"{Section}:{nameof(options.ReturnWindowDays)} must be between 0 and 3660.");
        }

        if (!(options.MinimumKnowledgeScore >= 0) || double.IsInfinity(options.MinimumKnowledgeScore))
        {
            errors.Add($"{Section}:{nameof(options.MinimumKnowledgeScore)} must be a finite number >= 0.");
        }

        if (options.MaxStoredTurns is < 10 or > 1000)
        {
            errors.Add($"{Section}:{nameof(options.MaxStoredTurns)} must be between 10 and 1000.");
        }

        if (options.HandoffTranscriptTurns is < 1 or > 20)
        {
            errors.Add($"{Section}:{nameof(options.HandoffTranscriptTurns)} must be between 1 and 20.");
        }

        if (options.KeepVersions is < 1 or > 100)
        {
            errors.Add($"{Section}:{nameof(options.KeepVersions)} must be between 1 and 100.");
        }

        if (options.ProductsPerReply is < 1 or > 20)
        {
            errors.Add($"{Section}:{nameof(options.ProductsPerReply)} must be between 1 and 20.");
        }

        if (options.TrainingSamplePerIntent < 0)
        {
            errors.Add($"{Section}:{nameof(options.TrainingSamplePerIntent)} must not be negative.");
        }

        if (!string.IsNullOrWhiteSpace(options.TrainingDataPath) && !File.Exists(options.TrainingDataPath))
        {
            errors.Add($"{Section}:{nameof(options.TrainingDataPath)} '{options.TrainingDataPath}' does not exist.");
        }

        if (!string.IsNullOrWhiteSpace(options.SentimentDataPath) && !Directory.Exists(options.SentimentDataPath))
        {
            errors.Add($"{Section}:{nameof(options.SentimentDataPath)} '{options.SentimentDataPath}' is not a folder.");
        }

        if (!string.IsNullOrWhiteSpace(options.KnowledgeSeedPath) && !Directory.Exists(options.KnowledgeSeedPath))
        {
            errors.Add($"{Section}:{nameof(options.KnowledgeSeedPath)} '{options.KnowledgeSeedPath}' is not a folder.");
        }

        if (!(options.RefreshSeconds is >= 0 and <= 86_400))
        {
            errors.Add($"{Section}:{nameof(options.RefreshSeconds)} must be between 0 and 86400.");
        }

        if (!Enum.IsDefined(options.Generation))
        {
            errors.Add($"{Section}:{nameof(options.Generation)} must be Off or Rephrase.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
