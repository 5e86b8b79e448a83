using Microsoft.Extensions.Configuration;
using Serverless.Infrastructure.Storage;
using Serverless.LocalHost.Configuration;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.Hosting;

public sealed class HostJsonReaderTests
{
    [Fact]
    public void Without_a_queues_section_the_runtime_defaults_apply()
    {
        var options = HostJsonReader.Parse("""{ "version": "2.0" }""");

        Assert.Equal(16, options.Queues.BatchSize);
        Assert.Equal(8, options.Queues.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Queues.MaxPollingInterval);
        Assert.Equal(TimeSpan.Zero, options.Queues.VisibilityTimeout);
        Assert.Equal(5, options.Queues.MaxDequeueCount);
        Assert.Equal(QueueMessageEncoding.Base64, options.Queues.MessageEncoding);
        Assert.Equal("api", options.RoutePrefix);
    }

    [Fact]
    public void The_repository_host_json_is_read_as_configured()
    {
        var options = HostJsonReader.Load(Path.Combine(RepositoryRoot.Path, "host.json"));

        Assert.Equal(16, options.Queues.BatchSize);
        Assert.Equal(8, options.Queues.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Queues.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Queues.VisibilityTimeout);
        Assert.Equal(5, options.Queues.MaxDequeueCount);
        Assert.Equal(QueueMessageEncoding.Base64, options.Queues.MessageEncoding);
        Assert.Equal("api", options.RoutePrefix);
    }

    [Fact]
    public void The_host_json_next_to_the_host_is_the_repository_one()
    {
        var copied = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json"));

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")), copied);
    }

    [Theory]
    [InlineData("00:00:02", 2_000)]
    [InlineData("00:01:30", 90_000)]
    [InlineData("00:00:00.250", 250)]
    [InlineData("1.00:00:00", 86_400_000)]
    public void Durations_are_read_in_hh_mm_ss_form(string text, long expectedMilliseconds)
    {
        var options = HostJsonReader.Parse(Queues($"\"maxPollingInterval\": \"{text}\", \"visibilityTimeout\": \"{text}\""));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), options.Queues.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), options.Queues.VisibilityTimeout);
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("2000")]
    [InlineData("\"two seconds\"")]
    [InlineData("\"00:00:00.050\"")]
    public void A_polling_interval_not_in_hh_mm_ss_or_below_100_ms_is_refused_naming_the_setting(string json)
    {
        var error = Assert.Throws<FormatException>(() => HostJsonReader.Parse(Queues($"\"maxPollingInterval\": {json}")));

        Assert.Contains("extensions.queues.maxPollingInterval", error.Message);
    }

    [Theory]
    [InlineData("base64", QueueMessageEncoding.Base64)]
    [InlineData("none", QueueMessageEncoding.None)]
    [InlineData("None", QueueMessageEncoding.None)]
    public void Message_encoding_is_base64_or_none(string text, QueueMessageEncoding expected)
    {
        Assert.Equal(expected, HostJsonReader.Parse(Queues($"\"messageEncoding\": \"{text}\"")).Queues.MessageEncoding);
    }

    [Fact]
    public void An_unknown_message_encoding_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => HostJsonReader.Parse(Queues("\"messageEncoding\": \"utf8\"")));

        Assert.Contains("extensions.queues.messageEncoding", error.Message);
    }

    [Fact]
    public void The_new_batch_threshold_defaults_to_half_the_batch_size()
    {
        var options = HostJsonReader.Parse(Queues("\"batchSize\": 10"));

        Assert.Equal(10, options.Queues.BatchSize);
        Assert.Equal(5, options.Queues.NewBatchThreshold);
        Assert.Equal(15, options.Queues.MaxConcurrentMessages);
    }

    [Theory]
    [InlineData("\"batchSize\": 0", "batchSize")]
    [InlineData("\"batchSize\": 33", "batchSize")]
    [InlineData("\"maxDequeueCount\": 0", "maxDequeueCount")]
    [InlineData("\"newBatchThreshold\": -1", "newBatchThreshold")]
    [InlineData("\"visibilityTimeout\": \"-00:00:01\"", "visibilityTimeout")]
    public void Values_outside_the_runtime_limits_are_refused(string setting, string name)
    {
        var error = Assert.Throws<FormatException>(() => HostJsonReader.Parse(Queues(setting)));

        Assert.Contains($"extensions.queues.{name}", error.Message);
    }

    [Fact]
    public void Property_names_are_case_insensitive_and_comments_are_allowed()
    {
        var options = HostJsonReader.Parse("""
            {
              // as the Functions runtime accepts it
              "Version": "2.0",
              "Extensions": { "Queues": { "BatchSize": 4, "MAXDEQUEUECOUNT": 2 }, "Http": { "RoutePrefix": "/v1/" } },
            }
            """);

        Assert.Equal(4, options.Queues.BatchSize);
        Assert.Equal(2, options.Queues.MaxDequeueCount);
        Assert.Equal("v1", options.RoutePrefix);
    }

    [Fact]
    public void App_settings_under_AzureFunctionsJobHost_override_the_file()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "4",
                ["AzureFunctionsJobHost:extensions:queues:messageEncoding"] = "none",
            })
            .Build();

        var options = HostJsonReader.Parse(Queues("\"batchSize\": 16, \"maxDequeueCount\": 3"), configuration);

        Assert.Equal(4, options.Queues.BatchSize);
        Assert.Equal(2, options.Queues.NewBatchThreshold);
        Assert.Equal(3, options.Queues.MaxDequeueCount);
        Assert.Equal(QueueMessageEncoding.None, options.Queues.MessageEncoding);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "version": "1.0" }""")]
    public void A_file_without_version_2_is_refused(string json)
    {
        var error = Assert.Throws<FormatException>(() => HostJsonReader.Parse(json));

        Assert.Contains("version", error.Message);
    }

    [Fact]
    public void Invalid_json_is_refused_with_the_source_named()
    {
        var error = Assert.Throws<FormatException>(() => HostJsonReader.Parse("{ \"version\": ", source: "custom-host.json"));

        Assert.Contains("custom-host.json", error.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "host.json");

        var error = Assert.Throws<FileNotFoundException>(() => HostJsonReader.Load(path));

        Assert.Contains(path, error.Message);
    }

    private static string Queues(string settings) =>
        $$"""{ "version": "2.0", "extensions": { "queues": { {{settings}} } } }""";
}
