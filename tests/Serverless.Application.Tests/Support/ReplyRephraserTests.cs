using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Application.Support;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Orders;
using Xunit;

namespace Serverless.Application.Tests.Support;

/// <summary>Optional generation with a fake <see cref="IChatClient"/>: grounded facts in, sources kept, numbers checked.</summary>
public sealed class ReplyRephraserTests
{
    [Fact]
    public async Task A_configured_chat_client_rewords_the_grounded_reply_from_its_facts_and_the_sources_stay()
    {
        var client = new FakeChatClient(draft => "Good news! " + draft);
        using var app = App("Rephrase", client);
        AddOrder(app, "u-1", "R-42");

        var reply = (await Reply(app, "I want to track my order", "u-1")).Value!;

        Assert.StartsWith("Good news! Order R-42", reply.Reply);
        Assert.Equal([SupportActions.OrderStatus, SupportActions.Rephrased], reply.Actions);
        Assert.Equal(["order:R-42"], reply.Sources);
        var sent = Assert.Single(client.Requests);
        Assert.Contains("Facts:\n- Order R-42", sent.Last().Text);
        Assert.Contains("add no fact", sent[0].Text);
    }

    [Fact]
    public async Task A_rewording_that_drops_a_number_is_discarded_for_the_template()
    {
        var client = new FakeChatClient(_ => "Your parcel is on its way!");
        using var app = App("Rephrase", client);
        AddOrder(app, "u-2", "R-43");

        var reply = (await Reply(app, "I want to track my order", "u-2")).Value!;

        Assert.StartsWith("Order R-43", reply.Reply);
        Assert.DoesNotContain(SupportActions.Rephrased, reply.Actions);
        Assert.Single(client.Requests);
    }

    [Fact]
    public async Task Generation_is_off_by_default_even_with_a_client()
    {
        var client = new FakeChatClient(draft => "Good news! " + draft);
        using var app = App(null, client);
        AddOrder(app, "u-3", "R-44");

        var reply = (await Reply(app, "I want to track my order", "u-3")).Value!;

        Assert.StartsWith("Order R-44", reply.Reply);
        Assert.Empty(client.Requests);
    }

    private static TestApplication App(string? generation, FakeChatClient client)
    {
        var app = new TestApplication(
            SupportTestSettings.Create(new Dictionary<string, string?> { ["Support:Generation"] = generation, ["Support:SentimentDataPath"] = null }),
            configure: services => services.AddSingleton<IChatClient>(client));
        SharedIntentModel.PublishTo(app.Models);
        return app;
    }

    private static void AddOrder(TestApplication app, string userId, string orderId) =>
        app.Orders.TrySaveAsync(
            new Order { OrderId = orderId, UserId = userId, PlacedAt = TestApplication.Start.AddDays(-2), Total = 10m, Currency = "EUR", Status = OrderStatuses.Shipped },
            null,
            CancellationToken.None).GetAwaiter().GetResult();

    private static Task<Serverless.Application.Common.HandlerResult<SupportReplyResponse>> Reply(TestApplication app, string message, string userId) =>
        app.Get<ReplyToCustomerHandler>().HandleAsync(
            new SupportReplyRequest("application/json", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
                System.Text.Json.JsonSerializer.Serialize(new { message, userId })))),
            CancellationToken.None);
}
