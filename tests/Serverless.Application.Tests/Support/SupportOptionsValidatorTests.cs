using Serverless.Application.Support;
using Xunit;

namespace Serverless.Application.Tests.Support;

public sealed class SupportOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new SupportOptionsValidator().Validate(null, new SupportOptions()).Succeeded);
    }

    [Theory]
    [InlineData(nameof(SupportOptions.MaxStoredTurns), 9, 10)]
    [InlineData(nameof(SupportOptions.MaxStoredTurns), 1001, 10)]
    [InlineData(nameof(SupportOptions.HandoffTranscriptTurns), 100, 0)]
    [InlineData(nameof(SupportOptions.HandoffTranscriptTurns), 100, 21)]
    public void Turn_limits_out_of_range_are_refused_naming_the_setting(string setting, int maxStoredTurns, int handoffTurns)
    {
        var options = new SupportOptions
        {
            MaxStoredTurns = setting == nameof(SupportOptions.MaxStoredTurns) ? maxStoredTurns : 100,
            HandoffTranscriptTurns = setting == nameof(SupportOptions.HandoffTranscriptTurns) ? handoffTurns : 10,
        };

        var result = new SupportOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Support:{setting}", result.FailureMessage);
    }
}
