using Serverless.Domain.Support;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

[Collection(EmulatorCollection.Name)]
public sealed class CosmosConversationRepositoryTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private CosmosTestDatabase _database = null!;
    private CosmosConversationRepository _repository = null!;

    public async Task InitializeAsync()
    {
        _database = await CosmosTestDatabase.CreateAsync(fixture);
        _repository = new CosmosConversationRepository(_database.Containers);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_conversation_round_trips_with_its_turns_and_pending_question_and_replaces_only_under_its_etag()
    {
        var at = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var conversation = new Conversation
        {
            ConversationId = "c-1",
            UserId = "u-1",
            Locale = "zh",
            StartedAt = at,
            UpdatedAt = at,
            PendingOrder = new PendingOrderQuestion { Intent = "track_order", OrderIds = ["A-1", "A-2"] },
            Turns =
            [
                new ConversationTurn
                {
                    At = at, Message = "我的订单到哪了", Reply = "请问是哪一个订单？", Intent = "track_order", Confidence = 0.97,
                    Sentiment = -0.1, Actions = ["ask_order"], Sources = ["order:A-1", "order:A-2"],
                },
            ],
        };

        var etag = await _repository.TrySaveAsync(conversation, null, CancellationToken.None);
        var stored = await _repository.GetAsync("c-1", CancellationToken.None);

        Assert.NotNull(etag);
        Assert.Equal(etag, stored!.ETag);
        Assert.Equal(("u-1", "zh", at), (stored.Value.UserId, stored.Value.Locale, stored.Value.StartedAt));
        Assert.Equal(["A-1", "A-2"], stored.Value.PendingOrder!.OrderIds);
        Assert.Equal(conversation.Turns[0], stored.Value.Turns.Single() with { Actions = conversation.Turns[0].Actions, Sources = conversation.Turns[0].Sources });
        Assert.Equal(["order:A-1", "order:A-2"], stored.Value.Turns[0].Sources);

        stored.Value.CurrentOrderId = "A-1";
        Assert.NotNull(await _repository.TrySaveAsync(stored.Value, stored.ETag, CancellationToken.None));
        Assert.Null(await _repository.TrySaveAsync(stored.Value, stored.ETag, CancellationToken.None));
        Assert.Null(await _repository.TrySaveAsync(conversation, null, CancellationToken.None));
        Assert.Equal("A-1", (await _repository.GetAsync("c-1", CancellationToken.None))!.Value.CurrentOrderId);
        Assert.Null(await _repository.GetAsync("c-unknown", CancellationToken.None));
    }
}
