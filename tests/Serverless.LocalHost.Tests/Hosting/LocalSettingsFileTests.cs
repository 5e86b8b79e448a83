using Serverless.Application.Hosting;
using Serverless.LocalHost.Configuration;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.Hosting;

public sealed class LocalSettingsFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"local.settings.{Guid.NewGuid():N}.json");

    [Fact]
    public void Values_are_read_with_double_underscores_as_section_separators()
    {
        File.WriteAllText(_path, """
            {
              "IsEncrypted": false,
              "Values": {
                "AzureWebJobsStorage": "UseDevelopmentStorage=true",
                "CosmosDb__Endpoint": "https://127.0.0.1:8081/",
                "LocalHost:FunctionKey": "0123456789abcdef",
                "Ingestion:MaxBatchSize": 500
              }
            }
            """);

        var values = LocalSettingsFile.ReadValues(_path);

        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        Assert.Equal("https://127.0.0.1:8081/", values["CosmosDb:Endpoint"]);
        Assert.Equal("0123456789abcdef", values["LocalHost:FunctionKey"]);
        Assert.Equal("500", values["Ingestion:MaxBatchSize"]);
    }

    [Fact]
    public void An_encrypted_file_is_refused()
    {
        File.WriteAllText(_path, """{ "IsEncrypted": true, "Values": { "A": "xyz" } }""");

        Assert.Throws<InvalidOperationException>(() => LocalSettingsFile.ReadValues(_path));
    }

    [Fact]
    public void The_sample_file_has_every_setting_the_hosts_read()
    {
        var values = LocalSettingsFile.ReadValues(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json"));

        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("0 0 * * * *", values[FunctionSettings.RfmRecomputeSchedule]);
        Assert.True(values[LocalHostSettings.FunctionKey]!.Length >= 16);
        foreach (var key in new[] { "AzureWebJobsStorage", "CosmosDb:Endpoint", "CosmosDb:Key", "CosmosDb:Database", "Ingestion:MaxBodyBytes" })
        {
            Assert.True(values.ContainsKey(key), $"{key} is missing from local.settings.sample.json");
        }
    }

    public void Dispose() => File.Delete(_path);
}
