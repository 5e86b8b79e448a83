using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Cosmos;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

public sealed class CosmosServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData(typeof(IProfileRepository), typeof(CosmosProfileRepository))]
    [InlineData(typeof(IEventLog), typeof(CosmosEventLog))]
    [InlineData(typeof(IOrderRepository), typeof(CosmosOrderRepository))]
    [InlineData(typeof(ICatalogRepository), typeof(CosmosCatalogRepository))]
    [InlineData(typeof(ISegmentRepository), typeof(CosmosSegmentRepository))]
    [InlineData(typeof(IHealthProbe), typeof(CosmosHealthProbe))]
    [InlineData(typeof(ICosmosInitializer), typeof(CosmosInitializer))]
    [InlineData(typeof(IHostedService), typeof(CosmosInitializationService))]
    public void AddCosmosAdapters_RegistersEachPortAsASingleton(Type serviceType, Type implementationType)
    {
        var services = new ServiceCollection();

        CosmosServiceCollectionExtensions.AddCosmosAdapters(services, new ConfigurationBuilder().Build());

        var descriptor = Assert.Single(services, d => d.ServiceType == serviceType);
        Assert.Equal(implementationType, descriptor.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }
}
