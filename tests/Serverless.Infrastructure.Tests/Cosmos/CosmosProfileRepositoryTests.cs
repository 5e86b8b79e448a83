using Serverless.Domain.Profiles;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

[Collection(EmulatorCollection.Name)]
public sealed class CosmosProfileRepositoryTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private CosmosTestDatabase _database = null!;
    private CosmosProfileRepository _repository = null!;

    public async Task InitializeAsync()
    {
        _database = await CosmosTestDatabase.CreateAsync(fixture);
        _repository = new CosmosProfileRepository(_database.Containers);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task GetAsync_UnknownUser_ReturnsNull()
    {
        Assert.Null(await _repository.GetAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_Create_RoundTripsTheProfileWithItsETag()
    {
        var profile = new UserProfile
        {
            UserId = "u-round",
            FirstSeen = new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero),
            EventCounts = { ["view"] = 3, ["purchase"] = 1 },
            GrossRevenue = 42.5m,
            Lifecycle = LifecycleStage.AtRisk,
            CategoryAffinity = { ["shoes"] = new DecayedScore(1.5, new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero)) },
        };

        var etag = await _repository.TrySaveAsync(profile, null, CancellationToken.None);
        var stored = await _repository.GetAsync("u-round", CancellationToken.None);

        Assert.NotNull(etag);
        Assert.NotNull(stored);
        Assert.Equal(etag, stored.ETag);
        Assert.Equal("u-round", stored.Value.UserId);
        Assert.Equal(profile.FirstSeen, stored.Value.FirstSeen);
        Assert.Equal(3, stored.Value.EventCounts["view"]);
        Assert.Equal(42.5m, stored.Value.GrossRevenue);
        Assert.Equal(LifecycleStage.AtRisk, stored.Value.Lifecycle);
        Assert.Equal(1.5, stored.Value.CategoryAffinity["shoes"].Score, 10);
    }

    [Fact]
    public async Task TrySaveAsync_CreateWhenItExists_ReturnsNull()
    {
        Assert.NotNull(await _repository.TrySaveAsync(new UserProfile { UserId = "u-twice" }, null, CancellationToken.None));

        Assert.Null(await _repository.TrySaveAsync(new UserProfile { UserId = "u-twice" }, null, CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_ReplaceWithStaleETag_ReturnsNullAndKeepsTheWinner()
    {
        var first = await _repository.TrySaveAsync(new UserProfile { UserId = "u-stale" }, null, CancellationToken.None);
        Assert.NotNull(first);
        var winner = new UserProfile { UserId = "u-stale", ReviewCount = 1 };
        var second = await _repository.TrySaveAsync(winner, first, CancellationToken.None);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);

        var loser = await _repository.TrySaveAsync(new UserProfile { UserId = "u-stale", ReviewCount = 99 }, first, CancellationToken.None);

        Assert.Null(loser);
        var stored = await _repository.GetAsync("u-stale", CancellationToken.None);
        Assert.Equal(1, stored!.Value.ReviewCount);
        Assert.Equal(second, stored.ETag);
    }

    [Fact]
    public async Task TrySaveAsync_ReplaceOfDeletedProfile_ReturnsNull()
    {
        var etag = await _repository.TrySaveAsync(new UserProfile { UserId = "u-deleted" }, null, CancellationToken.None);
        Assert.True(await _repository.DeleteAsync("u-deleted", CancellationToken.None));

        Assert.Null(await _repository.TrySaveAsync(new UserProfile { UserId = "u-deleted" }, etag, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_SecondTime_ReturnsFalse()
    {
        await _repository.TrySaveAsync(new UserProfile { UserId = "u-delete" }, null, CancellationToken.None);

        Assert.True(await _repository.DeleteAsync("u-delete", CancellationToken.None));
        Assert.False(await _repository.DeleteAsync("u-delete", CancellationToken.None));
        Assert.Null(await _repository.GetAsync("u-delete", CancellationToken.None));
    }

    [Fact]
    public async Task TwentyConcurrentReadModifyWriteLoops_LoseNoIncrement()
    {
        const int writers = 20;
        const string userId = "u-contended";

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(IncrementViewsAsync)));

        var stored = await _repository.GetAsync(userId, CancellationToken.None);
        Assert.Equal(writers, stored!.Value.EventCounts["view"]);

        async Task IncrementViewsAsync()
        {
            // The optimistic-concurrency loop the event pipeline uses: read, change, write with the ETag, retry on a lost race.
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var current = await _repository.GetAsync(userId, CancellationToken.None);
                var profile = current?.Value ?? new UserProfile { UserId = userId };
                profile.EventCounts["view"] = profile.EventCounts.GetValueOrDefault("view") + 1;
                if (await _repository.TrySaveAsync(profile, current?.ETag, CancellationToken.None) is not null)
                {
                    return;
                }
            }

            throw new InvalidOperationException("An increment never won a race in 500 attempts.");
        }
    }

    [Fact]
    public async Task ReadAllAsync_ReturnsEveryProfileExactlyOnce()
    {
        var userIds = Enumerable.Range(0, 37).Select(i => $"u-all-{i:D2}").ToList();
        foreach (var userId in userIds)
        {
            var etag = await _repository.TrySaveAsync(new UserProfile { UserId = userId }, null, CancellationToken.None);
            // Updated documents must still come back once, in their latest version.
            await _repository.TrySaveAsync(new UserProfile { UserId = userId, ReviewCount = 2 }, etag, CancellationToken.None);
        }

        var read = new List<UserProfile>();
        await foreach (var profile in _repository.ReadAllAsync(CancellationToken.None))
        {
            read.Add(profile);
        }

        Assert.Equal(userIds, read.Select(p => p.UserId).Order(StringComparer.Ordinal));
        Assert.All(read, p => Assert.Equal(2, p.ReviewCount));
    }

    [Fact]
    public async Task ReadAllAsync_EmptyContainer_ReturnsNothing()
    {
        var count = 0;
        await foreach (var _ in _repository.ReadAllAsync(CancellationToken.None))
        {
            count++;
        }

        Assert.Equal(0, count);
    }
}
