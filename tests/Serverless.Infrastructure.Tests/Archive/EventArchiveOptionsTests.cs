using Microsoft.Extensions.Configuration;
using Serverless.Infrastructure.Archive;
using Xunit;

namespace Serverless.Infrastructure.Tests.Archive;

public sealed class EventArchiveOptionsTests
{
    [Fact]
    public void Defaults_name_the_writer_after_machine_and_process()
    {
        var options = EventArchiveOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal("archive", options.ContainerName);
        Assert.Equal(64L * 1024 * 1024, options.MaxBlobBytes);
        Assert.EndsWith($"-{Environment.ProcessId}", options.WriterId, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9._-]+$", options.WriterId);
    }

    [Fact]
    public void Settings_are_read_and_the_writer_id_made_blob_name_safe()
    {
        var options = EventArchiveOptions.FromConfiguration(Configuration(("Archive:WriterId", " web/01 #2 "), ("Archive:MaxBlobBytes", "1048576")));

        Assert.Equal("web_01__2", options.WriterId);
        Assert.Equal(1048576, options.MaxBlobBytes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    public void A_max_blob_size_that_is_not_a_positive_number_is_rejected(string value)
    {
        var exception = Assert.Throws<InvalidOperationException>(() =>
            EventArchiveOptions.FromConfiguration(Configuration(("Archive:MaxBlobBytes", value))));

        Assert.Contains("Archive:MaxBlobBytes", exception.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => KeyValuePair.Create(value.Key, (string?)value.Value)))
            .Build();
}
