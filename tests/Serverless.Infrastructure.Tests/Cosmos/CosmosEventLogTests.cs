using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

[Collection(EmulatorCollection.Name)]
public sealed class CosmosEventLogTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private CosmosTestDatabase _database = null!;
    private CosmosEventLog _log = null!;

    public async Task InitializeAsync()
    {
        _database = await CosmosTestDatabase.CreateAsync(fixture);
        _log = new CosmosEventLog(_database.Containers, NullLogger<CosmosEventLog>.Instance);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TryAppendAsync_FirstDelivery_IsCreated()
    {
        Assert.Equal(EventAppendResult.Created, await _log.TryAppendAsync(View("e-1", "u-1"), CancellationToken.None));
    }

    [Fact]
    public async Task TryAppendAsync_RedeliveryBeforeMarkedProcessed_IsSeenButNotProcessed()
    {
        await _log.TryAppendAsync(View("e-2", "u-1"), CancellationToken.None);

        Assert.Equal(EventAppendResult.SeenButNotProcessed, await _log.TryAppendAsync(View("e-2", "u-1"), CancellationToken.None));
    }

    [Fact]
    public async Task TryAppendAsync_RedeliveryAfterMarkedProcessed_IsAlreadyProcessed()
    {
        await _log.TryAppendAsync(View("e-3", "u-1"), CancellationToken.None);
        await _log.MarkProcessedAsync("u-1", "e-3", CancellationToken.None);

        Assert.Equal(EventAppendResult.AlreadyProcessed, await _log.TryAppendAsync(View("e-3", "u-1"), CancellationToken.None));
        Assert.Equal(EventAppendResult.AlreadyProcessed, await _log.TryAppendAsync(View("e-3", "u-1"), CancellationToken.None));
    }

    [Fact]
    public async Task TryAppendAsync_ConcurrentDeliveriesOfOneEvent_ExactlyOneIsCreated()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _log.TryAppendAsync(View("e-race", "u-race"), CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r == EventAppendResult.Created));
        Assert.Equal(9, results.Count(r => r == EventAppendResult.SeenButNotProcessed));
    }

    [Fact]
    public async Task MarkProcessedAsync_UnknownEvent_DoesNotThrow()
    {
        await _log.MarkProcessedAsync("u-none", "e-none", CancellationToken.None);

        Assert.Empty(await ReadAsync("u-none"));
    }

    [Fact]
    public async Task ReadByUserAsync_ReturnsThatUsersEventsWithTheirFields()
    {
        var purchase = new BehaviorEvent
        {
            EventId = "e-buy",
            UserId = "u-read",
            Type = BehaviorEventType.Purchase,
            OccurredAt = new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)),
            OrderId = "o-1",
            Currency = "EUR",
            Lines = [new OrderLine { ProductId = "p-1", Quantity = 2, UnitPrice = 9.99m }],
        };
        await _log.TryAppendAsync(purchase, CancellationToken.None);
        await _log.TryAppendAsync(View("e-view", "u-read"), CancellationToken.None);
        await _log.TryAppendAsync(View("e-other", "u-other"), CancellationToken.None);

        var events = (await ReadAsync("u-read")).ToDictionary(e => e.EventId);

        Assert.Equal(["e-buy", "e-view"], events.Keys.Order(StringComparer.Ordinal));
        var stored = events["e-buy"];
        Assert.Equal(BehaviorEventType.Purchase, stored.Type);
        Assert.Equal(purchase.OccurredAt, stored.OccurredAt);
        Assert.Equal("o-1", stored.OrderId);
        Assert.Equal(9.99m, Assert.Single(stored.Lines!).UnitPrice);
    }

    [Fact]
    public async Task DeleteByUserAsync_DeletesOnlyThatUsersEvents()
    {
        for (var i = 0; i < 5; i++)
        {
            await _log.TryAppendAsync(View($"e-del-{i}", "u-erase"), CancellationToken.None);
        }

        await _log.TryAppendAsync(View("e-keep", "u-keep"), CancellationToken.None);

        Assert.Equal(5, await _log.DeleteByUserAsync("u-erase", CancellationToken.None));
        Assert.Equal(0, await _log.DeleteByUserAsync("u-erase", CancellationToken.None));
        Assert.Empty(await ReadAsync("u-erase"));
        Assert.Single(await ReadAsync("u-keep"));
    }

    [Fact]
    public async Task TryAppendAsync_AfterErasure_IsCreatedAgain()
    {
        await _log.TryAppendAsync(View("e-again", "u-again"), CancellationToken.None);
        await _log.DeleteByUserAsync("u-again", CancellationToken.None);

        Assert.Equal(EventAppendResult.Created, await _log.TryAppendAsync(View("e-again", "u-again"), CancellationToken.None));
    }

    private async Task<List<BehaviorEvent>> ReadAsync(string userId)
    {
        var events = new List<BehaviorEvent>();
        await foreach (var behaviorEvent in _log.ReadByUserAsync(userId, CancellationToken.None))
        {
            events.Add(behaviorEvent);
        }

        return events;
    }

    private static BehaviorEvent View(string eventId, string userId) => new()
    {
        EventId = eventId,
        UserId = userId,
        Type = BehaviorEventType.View,
        OccurredAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        ProductId = "p-1",
    };
}
