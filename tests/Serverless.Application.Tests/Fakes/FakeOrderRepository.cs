using System.Collections.Concurrent;
using Serverless.Domain.Orders;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Fakes;

public sealed class FakeOrderRepository : IOrderRepository
{
    private readonly ConcurrentDictionary<string, int> _lists = new(StringComparer.Ordinal);

    public DocumentStore<Order> Store { get; } = new(seed: 11);

    /// <summary>How many times a user's orders were listed (each is a Cosmos DB query in production).</summary>
    public int ListCalls(string userId) => _lists.GetValueOrDefault(userId);

    private static string Key(string userId, string orderId) => $"{userId}|{orderId}";

    public Task<Versioned<Order>?> GetAsync(string userId, string orderId, CancellationToken cancellationToken) =>
        Task.FromResult(Store.Get(Key(userId, orderId)) is { } found ? new Versioned<Order>(found.Value, found.ETag) : null);

    public Task<string?> TrySaveAsync(Order order, string? etag, CancellationToken cancellationToken) =>
        Task.FromResult(Store.TrySave(Key(order.UserId, order.OrderId), order, etag));

    public Task<IReadOnlyList<Order>> ListByUserAsync(string userId, CancellationToken cancellationToken)
    {
        _lists.AddOrUpdate(userId, 1, (_, count) => count + 1);
        return Task.FromResult<IReadOnlyList<Order>>(Store.All().Where(o => o.UserId == userId).OrderBy(o => o.OrderId, StringComparer.Ordinal).ToList());
    }

    public Task<int> DeleteByUserAsync(string userId, CancellationToken cancellationToken)
    {
        var deleted = Store.All().Where(o => o.UserId == userId).Count(o => Store.Delete(Key(o.UserId, o.OrderId)));
        return Task.FromResult(deleted);
    }
}
