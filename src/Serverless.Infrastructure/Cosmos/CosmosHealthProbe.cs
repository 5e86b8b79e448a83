using Serverless.Domain.Ports;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>Health of Cosmos DB: the configured database can be read.</summary>
internal sealed class CosmosHealthProbe(CosmosContainers containers) : IHealthProbe
{
    public string Name => "cosmos";

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        var response = await containers.Database.ReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return (int)response.StatusCode is >= 200 and < 300;
    }
}
