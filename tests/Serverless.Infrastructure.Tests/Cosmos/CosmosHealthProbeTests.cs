using Microsoft.Azure.Cosmos;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

[Collection(EmulatorCollection.Name)]
public sealed class CosmosHealthProbeTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private CosmosTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CosmosTestDatabase.CreateAsync(fixture);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CheckAsync_DatabaseExists_IsHealthy()
    {
        var probe = new CosmosHealthProbe(_database.Containers);

        Assert.Equal("cosmos", probe.Name);
        Assert.True(await probe.CheckAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_DatabaseMissing_Throws()
    {
        var probe = new CosmosHealthProbe(new CosmosContainers(_database.Client, _database.Settings with { Database = "missing-" + Guid.NewGuid().ToString("N")[..8] }));

        await Assert.ThrowsAsync<CosmosException>(() => probe.CheckAsync(CancellationToken.None));
    }
}
