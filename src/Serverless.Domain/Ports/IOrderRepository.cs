using Serverless.Domain.Orders;

namespace Serverless.Domain.Ports;

/// <summary>Orders (container <c>orders</c>, partition key /userId, id = order id).</summary>
public interface IOrderRepository
{
    Task<Versioned<Order>?> GetAsync(string userId, string orderId, CancellationToken cancellationToken);

    /// <summary>Create (etag null) or conditional replace; null when another writer won.</summary>
    Task<string?> TrySaveAsync(Order order, string? etag, CancellationToken cancellationToken);

    Task<IReadOnlyList<Order>> ListByUserAsync(string userId, CancellationToken cancellationToken);

    Task<int> DeleteByUserAsync(string userId, CancellationToken cancellationToken);
}
