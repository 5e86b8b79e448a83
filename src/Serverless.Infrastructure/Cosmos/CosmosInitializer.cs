using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>
/// Creates the database and containers when missing (key authentication: local server, emulator). With managed
/// identity the data-plane role cannot create them, so Bicep does and this only checks that the database answers.
/// </summary>
internal sealed class CosmosInitializer(CosmosClient client, CosmosSettings settings, ILogger<CosmosInitializer> logger) : ICosmosInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!settings.UsesKey)
        {
            await client.GetDatabase(settings.Database).ReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Cosmos database {Database} is reachable; containers are provisioned by infrastructure", settings.Database);
            return;
        }

        var databaseResponse = await client.CreateDatabaseIfNotExistsAsync(settings.Database, cancellationToken: cancellationToken).ConfigureAwait(false);
        var database = databaseResponse.Database;
        foreach (var properties in ContainerDefinitions(settings))
        {
            var response = await database.CreateContainerIfNotExistsAsync(properties, cancellationToken: cancellationToken).ConfigureAwait(false);
            logger.LogDebug("Cosmos container {Database}/{Container} ready ({StatusCode})", settings.Database, properties.Id, (int)response.StatusCode);
        }

        logger.LogInformation("Cosmos database {Database} and its containers are ready", settings.Database);
    }

    /// <summary>Every container with its partition key path and default time to live (null: items never expire).</summary>
    internal static IReadOnlyList<ContainerProperties> ContainerDefinitions(CosmosSettings settings) =>
    [
        new(ContainerNames.Profiles, "/userId"),
        new(ContainerNames.Events, "/userId") { DefaultTimeToLive = settings.EventsTimeToLiveSeconds },
        new(ContainerNames.Orders, "/userId"),
        new(ContainerNames.Catalog, "/productId"),
        new(ContainerNames.Segments, "/segmentId"),
        new(ContainerNames.Conversations, "/conversationId") { DefaultTimeToLive = settings.ConversationsTimeToLiveSeconds },
        new(ContainerNames.Forecasts, "/productId"),
    ];
}
