using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Serverless.Infrastructure.Storage;
using Xunit;

namespace Serverless.Infrastructure.Tests.Storage;

public sealed class StorageAccountTests
{
    private const string Key = StorageAccount.DevelopmentAccountKey;

    [Fact]
    public void Development_storage_points_at_azurite_path_style_with_the_well_known_account()
    {
        var account = StorageAccount.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueEndpoint);
        Assert.Equal("devstoreaccount1", account.SharedKey?.AccountName);
        Assert.Null(account.TokenCredential);
    }

    [Fact]
    public void Development_storage_honours_a_proxy_host()
    {
        var account = StorageAccount.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite");

        Assert.Equal(new Uri("http://azurite:10000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(new Uri("http://azurite:10001/devstoreaccount1"), account.QueueEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_and_keys_keep_their_padding()
    {
        var account = StorageAccount.Parse(
            $" DefaultEndpointsProtocol=http; AccountName=devstoreaccount1; AccountKey={Key}; " +
            "BlobEndpoint=http://127.0.0.1:20000/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:20001/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:20000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:20001/devstoreaccount1"), account.QueueEndpoint);
        var reference = new StorageSharedKeyCredential("devstoreaccount1", Key);
        Assert.Equal(reference.ComputeSignature("x"), account.SharedKey!.ComputeSignature("x"));
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey=" + Key, "https://prodacct.blob.core.windows.net/", "https://prodacct.queue.core.windows.net/")]
    [InlineData("AccountName=cnacct;AccountKey=" + Key + ";EndpointSuffix=core.chinacloudapi.cn", "https://cnacct.blob.core.chinacloudapi.cn/", "https://cnacct.queue.core.chinacloudapi.cn/")]
    public void Endpoints_are_derived_from_account_name_protocol_and_suffix(string connectionString, string blob, string queue)
    {
        var account = StorageAccount.Parse(connectionString);

        Assert.Equal(new Uri(blob), account.BlobEndpoint);
        Assert.Equal(new Uri(queue), account.QueueEndpoint);
    }

    [Theory]
    [InlineData("AccountName=only")]
    [InlineData("AccountName=a;AccountKey=not-base64!")]
    [InlineData("garbage")]
    public void Malformed_connection_strings_are_rejected(string connectionString) =>
        Assert.Throws<FormatException>(() => StorageAccount.Parse(connectionString));

    [Fact]
    public void Configuration_value_is_read_as_a_connection_string()
    {
        var configuration = Configuration(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var account = StorageAccount.FromConfiguration(configuration);

        Assert.NotNull(account.SharedKey);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
    }

    [Fact]
    public void Configuration_service_uris_select_managed_identity()
    {
        var configuration = Configuration(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var account = StorageAccount.FromConfiguration(configuration);

        Assert.Null(account.SharedKey);
        Assert.IsType<DefaultAzureCredential>(account.TokenCredential);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), account.QueueEndpoint);
    }

    [Fact]
    public void Configuration_account_name_alone_derives_public_endpoints()
    {
        var account = StorageAccount.FromConfiguration(Configuration(new() { ["AzureWebJobsStorage:accountName"] = "acct" }));

        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), account.BlobEndpoint);
        Assert.NotNull(account.TokenCredential);
    }

    [Fact]
    public void Missing_configuration_names_the_settings_to_set()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Configuration([])));

        Assert.Contains("AzureWebJobsStorage:blobServiceUri", exception.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
