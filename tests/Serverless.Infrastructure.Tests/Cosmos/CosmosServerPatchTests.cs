using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

/// <summary>
/// The unpatched @vercel/cosmosdb-server 1.0.1 answers 500 to a point read of a missing document;
/// tools/emulators/patches/@vercel+cosmosdb-server+1.0.1.patch makes it 404 like Cosmos DB.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CosmosServerPatchTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private CosmosTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CosmosTestDatabase.CreateAsync(fixture);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task PatchedServer_PointReadOfMissingDocument_ThrowsNotFoundNot500()
    {
        var container = _database.Containers.Profiles;

        var exception = await Assert.ThrowsAsync<CosmosException>(
            () => container.ReadItemAsync<JsonObject>("no-such-user", new PartitionKey("no-such-user")));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task PatchedServer_PointReadWithOtherPartitionKey_ThrowsNotFound()
    {
        var container = _database.Containers.Profiles;
        await container.CreateItemAsync(new JsonObject { ["id"] = "u-1", ["userId"] = "u-1" }, new PartitionKey("u-1"));

        var exception = await Assert.ThrowsAsync<CosmosException>(
            () => container.ReadItemAsync<JsonObject>("u-1", new PartitionKey("u-2")));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task ReplaceOfMissingDocument_ThrowsNotFound()
    {
        var container = _database.Containers.Profiles;

        var exception = await Assert.ThrowsAsync<CosmosException>(
            () => container.ReplaceItemAsync(new JsonObject { ["id"] = "gone", ["userId"] = "gone" }, "gone", new PartitionKey("gone")));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task PatchOfMissingDocument_ThrowsNotFound()
    {
        var container = _database.Containers.Profiles;

        var exception = await Assert.ThrowsAsync<CosmosException>(
            () => container.PatchItemAsync<JsonObject>("gone", new PartitionKey("gone"), [PatchOperation.Increment("/n", 1)]));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task DeleteOfMissingDocument_ThrowsNotFound()
    {
        var container = _database.Containers.Profiles;

        var exception = await Assert.ThrowsAsync<CosmosException>(
            () => container.DeleteItemAsync<JsonObject>("gone", new PartitionKey("gone")));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }
}
