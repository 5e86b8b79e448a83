using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

/// <summary>
/// The unpatched @vercel/cosmosdb-server 1.0.1 answers 500 to a point read of a missing document, and gives every
/// 64th database (and collection, and document) a resource id whose base64 holds a '/', which breaks the RID-addressed
/// requests the SDK makes for queries (404 "stale cache"); tools/emulators/patches/@vercel+cosmosdb-server+1.0.1.patch
/// makes the first a 404 like Cosmos DB and skips such resource ids.
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

    [Fact]
    public async Task PatchedServer_EveryNewDatabase_AnswersSinglePartitionQueries()
    {
        // More than 64 databases in a row cover every value of the counter the server derives resource ids from.
        var client = _database.Client;
        var prefix = EmulatorFixture.UniqueDatabaseName("rid");
        var failures = new List<string>();
        for (var i = 0; i < 70; i++)
        {
            Database database = await client.CreateDatabaseAsync($"{prefix}-{i}");
            try
            {
                Container container = await database.CreateContainerAsync("c", "/pk");
                await container.CreateItemAsync(new JsonObject { ["id"] = "d", ["pk"] = "p" }, new PartitionKey("p"));
                var query = container.GetItemQueryIterator<JsonObject>(
                    new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk").WithParameter("@pk", "p"),
                    requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey("p") });
                var found = 0;
                while (query.HasMoreResults)
                {
                    found += (await query.ReadNextAsync()).Count;
                }

                if (found != 1)
                {
                    failures.Add($"{database.Id}: {found} documents");
                }
            }
            catch (CosmosException exception)
            {
                failures.Add($"{database.Id}: {exception.StatusCode}");
            }
            finally
            {
                await database.DeleteAsync();
            }
        }

        Assert.Empty(failures);
    }
}
