using Microsoft.Extensions.Configuration;
using Serverless.Infrastructure.Cosmos;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

public sealed class CosmosSettingsTests
{
    [Fact]
    public void FromConfiguration_OnlyEndpoint_UsesDefaultsAndTokenAuthentication()
    {
        var settings = CosmosSettings.FromConfiguration(Configuration(("CosmosDb:Endpoint", "https://acct.documents.azure.com:443/")));

        Assert.Equal("marketing", settings.Database);
        Assert.Null(settings.Key);
        Assert.False(settings.UsesKey);
        Assert.Equal(90 * 24 * 3600, settings.EventsTimeToLiveSeconds);
        Assert.False(settings.AcceptsAnyCertificate);
    }

    [Fact]
    public void FromConfiguration_ReadsEverySetting()
    {
        var settings = CosmosSettings.FromConfiguration(Configuration(
            ("CosmosDb:Endpoint", "https://127.0.0.1:8081/"),
            ("CosmosDb:Key", "a2V5"),
            ("CosmosDb:Database", "other"),
            ("CosmosDb:AllowInsecureLocalCertificate", "true"),
            ("CosmosDb:EventsTimeToLiveSeconds", "60"),
            ("CosmosDb:ConversationsTimeToLiveSeconds", "120"),
            ("CosmosDb:ClientId", "00000000-0000-0000-0000-000000000001")));

        Assert.Equal("a2V5", settings.Key);
        Assert.True(settings.UsesKey);
        Assert.Equal("other", settings.Database);
        Assert.True(settings.AcceptsAnyCertificate);
        Assert.Equal(60, settings.EventsTimeToLiveSeconds);
        Assert.Equal(120, settings.ConversationsTimeToLiveSeconds);
        Assert.Equal("00000000-0000-0000-0000-000000000001", settings.ClientId);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8081/", true)]
    [InlineData("https://localhost:8081/", true)]
    [InlineData("https://[::1]:8081/", true)]
    [InlineData("https://acct.documents.azure.com:443/", false)]
    [InlineData("https://10.0.0.5:8081/", false)]
    public void AllowInsecureLocalCertificate_IsHonouredOnlyForLoopbackEndpoints(string endpoint, bool accepted)
    {
        var settings = CosmosSettings.FromConfiguration(Configuration(
            ("CosmosDb:Endpoint", endpoint),
            ("CosmosDb:AllowInsecureLocalCertificate", "true")));

        Assert.Equal(accepted, settings.AcceptsAnyCertificate);
    }

    [Theory]
    [InlineData("CosmosDb:Endpoint", "not a uri", "CosmosDb:Endpoint")]
    [InlineData("CosmosDb:AllowInsecureLocalCertificate", "yes", "CosmosDb:AllowInsecureLocalCertificate")]
    [InlineData("CosmosDb:EventsTimeToLiveSeconds", "0", "CosmosDb:EventsTimeToLiveSeconds")]
    [InlineData("CosmosDb:EventsTimeToLiveSeconds", "ninety", "CosmosDb:EventsTimeToLiveSeconds")]
    public void FromConfiguration_InvalidValue_NamesTheSetting(string key, string value, string named)
    {
        var configuration = Configuration(("CosmosDb:Endpoint", "https://127.0.0.1:8081/"), (key, value));

        var exception = Assert.Throws<InvalidOperationException>(() => CosmosSettings.FromConfiguration(configuration));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_MissingEndpoint_NamesTheSetting()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => CosmosSettings.FromConfiguration(Configuration()));

        Assert.Contains("CosmosDb:Endpoint", exception.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values)
    {
        // Later values override earlier ones, as a later configuration source would.
        var settings = new Dictionary<string, string?>();
        foreach (var (key, value) in values)
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
