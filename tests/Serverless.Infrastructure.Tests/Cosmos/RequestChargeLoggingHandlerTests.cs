using Microsoft.Extensions.Logging;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

[Collection(EmulatorCollection.Name)]
public sealed class RequestChargeLoggingHandlerTests(EmulatorFixture fixture)
{
    [Fact]
    public async Task EveryOperation_IsLoggedAtDebugWithItsRequestChargeAsAProperty()
    {
        var loggerFactory = new RecordingLoggerFactory();
        await using var database = await CosmosTestDatabase.CreateAsync(fixture, loggerFactory);
        var repository = new CosmosProfileRepository(database.Containers);
        loggerFactory.Entries.Clear();

        await repository.GetAsync("u-charged", CancellationToken.None);

        var entry = Assert.Single(loggerFactory.Entries, e => e.Category.EndsWith("RequestCharge", StringComparison.Ordinal) && e.Properties.ContainsKey("RequestCharge"));
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Equal(404, entry.Properties["StatusCode"]);
        Assert.Equal("Cosmos {Method} {Resource} answered {StatusCode} costing {RequestCharge} RU", entry.Properties["{OriginalFormat}"]);
        Assert.Contains("u-charged", entry.Message, StringComparison.Ordinal);
    }
}
