using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;

namespace Serverless.Infrastructure.Tests.Cosmos;

/// <summary>A database of its own on the local Cosmos server, with every container created; deleted on dispose.</summary>
internal sealed class CosmosTestDatabase : IAsyncDisposable
{
    private CosmosTestDatabase(CosmosSettings settings, CosmosClient client, ILoggerFactory loggerFactory)
    {
        Settings = settings;
        Client = client;
        LoggerFactory = loggerFactory;
        Containers = new CosmosContainers(client, settings);
        Initializer = new CosmosInitializer(client, settings, loggerFactory.CreateLogger<CosmosInitializer>());
    }

    public CosmosSettings Settings { get; }

    public CosmosClient Client { get; }

    public ILoggerFactory LoggerFactory { get; }

    public CosmosContainers Containers { get; }

    public CosmosInitializer Initializer { get; }

    public static async Task<CosmosTestDatabase> CreateAsync(EmulatorFixture fixture, ILoggerFactory? loggerFactory = null)
    {
        var settings = CosmosSettings.FromConfiguration(fixture.CreateConfiguration());
        loggerFactory ??= NullLoggerFactory.Instance;
        var database = new CosmosTestDatabase(settings, CosmosClientFactory.Create(settings, loggerFactory), loggerFactory);
        await database.Initializer.InitializeAsync(CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Containers.Database.DeleteAsync();
        }
        finally
        {
            Client.Dispose();
        }
    }
}
