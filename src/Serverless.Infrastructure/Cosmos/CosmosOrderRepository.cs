using Microsoft.Azure.Cosmos;
using Serverless.Domain.Orders;
using Serverless.Domain.Ports;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>Orders in container <c>orders</c>: partition key = user id, id = order id.</summary>
internal sealed class CosmosOrderRepository(CosmosContainers containers) : IOrderRepository
{
    public Task<Versioned<Order>?> GetAsync(string userId, string orderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        return containers.Orders.ReadOrNullAsync<Order>(orderId, userId, cancellationToken);
    }

    public Task<string?> TrySaveAsync(Order order, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var document = CosmosDocument.From(order, order.OrderId);
        return containers.Orders.TrySaveAsync(document, order.UserId, etag, cancellationToken);
    }

    public async Task<IReadOnlyList<Order>> ListByUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var orders = new List<Order>();
        await foreach (var order in containers.Orders.QueryPartitionAsync<Order>(ByUser(userId), userId, cancellationToken).ConfigureAwait(false))
        {
            orders.Add(order);
        }

        return orders;
    }

    public Task<int> DeleteByUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return containers.Orders.DeleteMatchingAsync(ByUser(userId), userId, cancellationToken);
    }

    private static QueryDefinition ByUser(string userId) =>
        new QueryDefinition("SELECT * FROM c WHERE c.userId = @userId").WithParameter("@userId", userId);
}
