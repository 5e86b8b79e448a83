using Microsoft.Extensions.Configuration;
using Serverless.Infrastructure.Identity;
using Xunit;

namespace Serverless.Infrastructure.Tests.Identity;

public sealed class ManagedIdentityCredentialsTests
{
    [Theory]
    [InlineData("Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001", true)]
    [InlineData("authorization=aad", true)]
    [InlineData("Authorization=Key", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Application_insights_gets_an_entra_credential_only_when_the_setting_asks_for_one(string? setting, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = setting })
            .Build();

        Assert.Equal(expected, ManagedIdentityCredentials.ForApplicationInsights(configuration) is not null);
    }
}
