using Serverless.Domain.Segments;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

[Collection(EmulatorCollection.Name)]
public sealed class CosmosSegmentRepositoryTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private CosmosTestDatabase _database = null!;
    private CosmosSegmentRepository _repository = null!;

    public async Task InitializeAsync()
    {
        _database = await CosmosTestDatabase.CreateAsync(fixture);
        _repository = new CosmosSegmentRepository(_database.Containers);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Thresholds_AbsentUntilSaved_ThenRoundTripAndOverwrite()
    {
        Assert.Null(await _repository.GetThresholdsAsync(CancellationToken.None));

        var computed = new RfmThresholds
        {
            RecencyDays = [10, 20, 40, 80],
            Frequency = [1, 2, 4, 8],
            Monetary = [25.5, 50, 100, 200],
            ComputedAt = new DateTimeOffset(2024, 4, 2, 3, 0, 0, TimeSpan.Zero),
            Population = 1234,
        };
        await _repository.SaveThresholdsAsync(RfmThresholds.Default, CancellationToken.None);
        await _repository.SaveThresholdsAsync(computed, CancellationToken.None);

        var stored = await _repository.GetThresholdsAsync(CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(computed.RecencyDays, stored.RecencyDays);
        Assert.Equal(computed.Frequency, stored.Frequency);
        Assert.Equal(computed.Monetary, stored.Monetary);
        Assert.Equal(computed.ComputedAt, stored.ComputedAt);
        Assert.Equal(1234, stored.Population);
    }

    [Fact]
    public async Task AddMemberAsync_And_RemoveMemberAsync_AreIdempotent()
    {
        var member = new SegmentMember("champions", "u-1", Since);

        Assert.True(await _repository.AddMemberAsync(member, CancellationToken.None));
        Assert.False(await _repository.AddMemberAsync(member, CancellationToken.None));
        Assert.True(await _repository.RemoveMemberAsync("champions", "u-1", CancellationToken.None));
        Assert.False(await _repository.RemoveMemberAsync("champions", "u-1", CancellationToken.None));
        Assert.True(await _repository.AddMemberAsync(member, CancellationToken.None));
    }

    [Fact]
    public async Task AdjustSizeAsync_ConcurrentIncrementsOnAMissingSummary_CountExactly()
    {
        // Many writers race to create the summary and then to increment it; none may be lost.
        var adjustments = Enumerable.Range(0, 60).Select(i => Task.Run(() => _repository.AdjustSizeAsync("loyal", i % 3 == 0 ? -1 : 2, CancellationToken.None)));
        await Task.WhenAll(adjustments);

        var sizes = await _repository.GetSizesAsync(["loyal"], CancellationToken.None);

        Assert.Equal((40 * 2) - 20, sizes["loyal"]);
    }

    [Fact]
    public async Task SetSizeAsync_OverwritesTheCount_AndGetSizesOmitsUnpopulatedSegments()
    {
        await _repository.AdjustSizeAsync("at_risk", 5, CancellationToken.None);
        await _repository.SetSizeAsync("at_risk", 42, CancellationToken.None);
        await _repository.SetSizeAsync("new_customers", 0, CancellationToken.None);
        await _repository.AdjustSizeAsync("at_risk", 1, CancellationToken.None);

        var sizes = await _repository.GetSizesAsync(["at_risk", "new_customers", "never_populated", "at_risk"], CancellationToken.None);

        Assert.Equal(2, sizes.Count);
        Assert.Equal(43, sizes["at_risk"]);
        Assert.Equal(0, sizes["new_customers"]);
    }

    [Fact]
    public async Task ListMembersAsync_PagesThrough250MembersWithPageSize100_EachExactlyOnce()
    {
        var userIds = Enumerable.Range(0, 250).Select(i => $"u-{i:D3}").ToList();
        await Parallel.ForEachAsync(userIds, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (userId, ct) =>
            await _repository.AddMemberAsync(new SegmentMember("big", userId, Since), ct));
        await _repository.AdjustSizeAsync("big", 250, CancellationToken.None);
        await _repository.AddMemberAsync(new SegmentMember("small", "u-elsewhere", Since), CancellationToken.None);

        var seen = new List<SegmentMember>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var page = await _repository.ListMembersAsync("big", 100, continuation, CancellationToken.None);
            Assert.True(page.Items.Count <= 100);
            seen.AddRange(page.Items);
            continuation = page.ContinuationToken;
            pages++;
        }
        while (continuation is not null && pages < 10);

        Assert.Null(continuation);
        Assert.InRange(pages, 3, 4);
        Assert.Equal(userIds, seen.Select(m => m.UserId).Order(StringComparer.Ordinal));
        Assert.All(seen, m => Assert.Equal("big", m.SegmentId));
        Assert.All(seen, m => Assert.Equal(Since, m.Since));
    }

    [Fact]
    public async Task ListMembersAsync_UnknownSegment_ReturnsAnEmptyLastPage()
    {
        var page = await _repository.ListMembersAsync("nobody-here", 10, null, CancellationToken.None);

        Assert.Empty(page.Items);
        Assert.Null(page.ContinuationToken);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("{\"x\":1}")]
    [InlineData("99")]
    public async Task ListMembersAsync_MalformedContinuationToken_ThrowsArgumentExceptionNamingIt(string token)
    {
        await _repository.AddMemberAsync(new SegmentMember("tokens", "u-1", Since), CancellationToken.None);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _repository.ListMembersAsync("tokens", 10, token, CancellationToken.None));

        Assert.Equal("continuationToken", exception.ParamName);
    }
}
