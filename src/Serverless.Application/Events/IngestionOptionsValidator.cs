using Microsoft.Extensions.Options;

namespace Serverless.Application.Events;

public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var errors = new List<string>();
        if (options.MaxBodyBytes is < 1024 or > 100 * 1024 * 1024)
        {
            errors.Add($"{IngestionOptions.SectionName}:{nameof(IngestionOptions.MaxBodyBytes)} must be between 1 KiB and 100 MiB.");
        }

        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            errors.Add($"{IngestionOptions.SectionName}:{nameof(IngestionOptions.MaxBatchSize)} must be between 1 and 10000.");
        }

        if (options.PublishParallelism is < 1 or > 64)
        {
            errors.Add($"{IngestionOptions.SectionName}:{nameof(IngestionOptions.PublishParallelism)} must be between 1 and 64.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
