namespace Serverless.Infrastructure.Cosmos;

/// <summary>Makes sure the database and its containers exist before the adapters are used. Safe to call repeatedly.</summary>
public interface ICosmosInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
