using Microsoft.Extensions.Options;
using Serverless.Application.Events;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Profiles;
using Xunit;

namespace Serverless.Application.Tests;

public sealed class ApplicationServiceCollectionExtensionsTests
{
    [Fact]
    public void Settings_are_bound_from_the_Profiles_and_Ingestion_sections()
    {
        using var app = new TestApplication(new Dictionary<string, string?>
        {
            ["Profiles:ActiveDays"] = "60",
            ["Profiles:Weights:AddToCart"] = "4.5",
            ["Ingestion:MaxBodyBytes"] = "2048",
        });

        var profiles = app.Get<IOptions<ProfileOptions>>().Value;
        Assert.Equal(60, profiles.ActiveDays);
        Assert.Equal(4.5, profiles.Weights.AddToCart);
        Assert.Equal(30, profiles.NewCustomerDays);
        Assert.Equal(2048, app.Get<IOptions<IngestionOptions>>().Value.MaxBodyBytes);
        Assert.Equal(500, app.Get<IOptions<IngestionOptions>>().Value.MaxBatchSize);
    }

    [Fact]
    public void Invalid_settings_fail_naming_them()
    {
        using var app = new TestApplication(new Dictionary<string, string?>
        {
            ["Profiles:ChurnDays"] = "10",
            ["Profiles:Weights:RemoveFromCart"] = "2",
            ["Ingestion:MaxBatchSize"] = "0",
        });

        var profiles = Assert.Throws<OptionsValidationException>(() => app.Get<IOptions<ProfileOptions>>().Value);
        Assert.Contains(profiles.Failures, f => f.Contains("Profiles:ChurnDays", StringComparison.Ordinal));
        Assert.Contains(profiles.Failures, f => f.Contains("Profiles:Weights:RemoveFromCart", StringComparison.Ordinal));
        var ingestion = Assert.Throws<OptionsValidationException>(() => app.Get<IOptions<IngestionOptions>>().Value);
        Assert.Contains(ingestion.Failures, f => f.Contains("Ingestion:MaxBatchSize", StringComparison.Ordinal));
    }
}
