using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Archive;
using Serverless.Infrastructure.Messaging;
using Serverless.Infrastructure.Storage;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Storage;

[Collection(EmulatorCollection.Name)]
public sealed class StorageServiceCollectionExtensionsTests(EmulatorFixture fixture)
{
    [Fact]
    public async Task Registers_singletons_that_work_against_the_configured_account()
    {
        var configuration = fixture.CreateConfiguration(new Dictionary<string, string?>
        {
            ["Archive:WriterId"] = "di-writer",
            ["Archive:MaxBlobBytes"] = "2048",
        });
        using var provider = Build(configuration);

        var archive = provider.GetRequiredService<IEventArchive>();
        var probe = Assert.Single(provider.GetServices<IHealthProbe>().OfType<StorageHealthProbe>());

        Assert.Same(provider.GetRequiredService<BlobEventArchive>(), archive);
        Assert.Same(archive, provider.GetRequiredService<IEventArchive>());
        Assert.IsType<QueueMessagePublisher>(provider.GetRequiredService<IMessagePublisher>());
        Assert.Equal(("di-writer", 2048L), (provider.GetRequiredService<EventArchiveOptions>().WriterId, provider.GetRequiredService<EventArchiveOptions>().MaxBlobBytes));
        Assert.Equal(new Uri($"http://127.0.0.1:{fixture.BlobPort}/devstoreaccount1"), provider.GetRequiredService<StorageAccount>().BlobEndpoint);
        Assert.Equal("storage", probe.Name);
        Assert.True(await probe.CheckAsync(CancellationToken.None));
    }

    [Fact]
    public void Storage_settings_are_only_needed_when_storage_is_used()
    {
        using var provider = Build(new ConfigurationBuilder().Build());

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IMessagePublisher>());
    }

    [Fact]
    public async Task The_probe_fails_when_storage_refuses_the_credentials()
    {
        var account = StorageAccount.Parse(fixture.StorageConnectionString);
        var wrongKey = StorageAccount.WithSharedKey(
            account.BlobEndpoint, account.QueueEndpoint, new StorageSharedKeyCredential(account.SharedKey!.AccountName, Convert.ToBase64String(new byte[32])));
        var probe = new StorageHealthProbe(new QueueStorageClient(wrongKey));

        var exception = await Assert.ThrowsAsync<StorageRequestFailedException>(() => probe.CheckAsync(CancellationToken.None));

        Assert.Equal(403, exception.Status);
    }

    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        StorageServiceCollectionExtensions.AddStorageAdapters(services, configuration);
        return services.BuildServiceProvider();
    }
}
