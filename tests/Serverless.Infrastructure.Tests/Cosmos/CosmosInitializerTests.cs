using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

[Collection(EmulatorCollection.Name)]
public sealed class CosmosInitializerTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private CosmosTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CosmosTestDatabase.CreateAsync(fixture);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task InitializeAsync_RunTwiceMore_SucceedsAndKeepsEveryContainerWithItsPartitionKey()
    {
        // CreateAsync already initialized once; running again (twice) must neither fail nor change anything.
        await _database.Initializer.InitializeAsync(CancellationToken.None);
        await _database.Initializer.InitializeAsync(CancellationToken.None);

        var expected = new Dictionary<string, string>
        {
            ["profiles"] = "/userId",
            ["events"] = "/userId",
            ["orders"] = "/userId",
            ["catalog"] = "/productId",
            ["segments"] = "/segmentId",
            ["conversations"] = "/conversationId",
            ["forecasts"] = "/productId",
        };
        foreach (var (name, partitionKeyPath) in expected)
        {
            var response = await _database.Containers.Database.GetContainer(name).ReadContainerAsync();
            Assert.Equal(partitionKeyPath, response.Resource.PartitionKeyPath);
        }

        var events = await _database.Containers.Events.ReadContainerAsync();
        Assert.Equal(_database.Settings.EventsTimeToLiveSeconds, events.Resource.DefaultTimeToLive);
    }

    [Fact]
    public async Task InitializeAsync_KeepsDocumentsOfExistingContainers()
    {
        var repository = new CosmosCatalogRepository(_database.Containers);
        var product = new Domain.Catalog.Product { ProductId = "p-keep", Title = "Kept", UpdatedAt = DateTimeOffset.UnixEpoch };
        Assert.NotNull(await repository.TrySaveAsync(product, null, CancellationToken.None));

        await _database.Initializer.InitializeAsync(CancellationToken.None);

        Assert.NotNull(await repository.GetAsync("p-keep", CancellationToken.None));
    }

    [Fact]
    public void ContainerDefinitions_GiveEventsAndConversationsTheConfiguredTimeToLive()
    {
        var settings = new CosmosSettings
        {
            Endpoint = new Uri("https://127.0.0.1:8081/"),
            EventsTimeToLiveSeconds = 3600,
            ConversationsTimeToLiveSeconds = 7200,
        };

        var definitions = CosmosInitializer.ContainerDefinitions(settings).ToDictionary(d => d.Id);

        Assert.Equal(3600, definitions["events"].DefaultTimeToLive);
        Assert.Equal(7200, definitions["conversations"].DefaultTimeToLive);
        Assert.Null(definitions["profiles"].DefaultTimeToLive);
        Assert.Equal(7, definitions.Count);
    }
}
