using Microsoft.Extensions.Options;
using Serverless.Domain.Profiles;

namespace Serverless.Application.Profiles;

/// <summary>Checks the <c>Profiles</c> settings at start-up (the rules live with <see cref="ProfileOptions"/>).</summary>
public sealed class ProfileOptionsValidator : IValidateOptions<ProfileOptions>
{
    public ValidateOptionsResult Validate(string? name, ProfileOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => $"{ProfileOptions.SectionName}:{e}"));
    }
}
