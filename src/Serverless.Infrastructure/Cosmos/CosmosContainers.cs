using Microsoft.Azure.Cosmos;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>Handles to the containers of the configured database (no IO until an operation runs).</summary>
internal sealed class CosmosContainers(CosmosClient client, CosmosSettings settings)
{
    public Database Database { get; } = client.GetDatabase(settings.Database);

    public Container Profiles => Database.GetContainer(ContainerNames.Profiles);

    public Container Events => Database.GetContainer(ContainerNames.Events);

    public Container Orders => Database.GetContainer(ContainerNames.Orders);

    public Container Catalog => Database.GetContainer(ContainerNames.Catalog);

    public Container Segments => Database.GetContainer(ContainerNames.Segments);

    public Container Conversations => Database.GetContainer(ContainerNames.Conversations);

    public Container Forecasts => Database.GetContainer(ContainerNames.Forecasts);
}
