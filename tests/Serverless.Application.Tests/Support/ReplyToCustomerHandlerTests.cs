using Serverless.Application.Support;
using Serverless.Domain.Orders;
using Serverless.Domain.Ports;
using Serverless.Domain.Support;
using Xunit;

namespace Serverless.Application.Tests.Support;

/// <summary>The dialogue per intent over in-memory ports: real orders, catalog, knowledge base and trained models.</summary>
public sealed class ReplyToCustomerHandlerTests(SupportApplicationFixture fixture) : IClassFixture<SupportApplicationFixture>
{
    [Fact]
    public async Task Tracking_answers_with_the_status_date_and_total_of_the_users_only_order()
    {
        var user = SupportApplicationFixture.NewUser();
        fixture.AddOrder(user, "A-7001", OrderStatuses.Shipped, daysAgo: 3, total: 42.00m);

        var result = await fixture.ReplyAsync("I want to track my order", user);

        var reply = Assert.IsType<SupportReplyResponse>(result.Value);
        Assert.Equal("track_order", reply.Intent);
        Assert.Contains("A-7001", reply.Reply);
        Assert.Contains("shipped", reply.Reply);
        Assert.Contains("2025-05-29", reply.Reply);
        Assert.Contains("42.00 EUR", reply.Reply);
        Assert.Equal(["order:A-7001"], reply.Sources);
        Assert.Equal([SupportActions.OrderStatus], reply.Actions);
        Assert.False(reply.Handoff);
        Assert.Equal("en", reply.Locale);

        var stored = (await fixture.App.Conversations.GetAsync(reply.ConversationId, CancellationToken.None))!.Value;
        var turn = Assert.Single(stored.Turns);
        Assert.Equal(("track_order", reply.Reply, user), (turn.Intent, turn.Reply, stored.UserId));
        Assert.Equal(reply.Confidence, turn.Confidence);
        Assert.Equal("A-7001", stored.CurrentOrderId);
    }

    [Fact]
    public async Task With_several_orders_it_asks_which_then_remembers_the_answer_for_the_next_question()
    {
        var user = SupportApplicationFixture.NewUser();
        fixture.AddOrder(user, "B-1001", OrderStatuses.Delivered, daysAgo: 10);
        fixture.AddOrder(user, "B-1002", OrderStatuses.Paid, daysAgo: 1);

        var ask = (await fixture.ReplyAsync("can you help me track my order", user)).Value!;
        Assert.Equal(1, fixture.App.Orders.ListCalls(user));
        Assert.Equal([SupportActions.AskOrder], ask.Actions);
        Assert.Contains("B-1001", ask.Reply);
        Assert.Contains("B-1002", ask.Reply);
        var pending = (await fixture.App.Conversations.GetAsync(ask.ConversationId, CancellationToken.None))!.Value.PendingOrder;
        Assert.Equal("track_order", pending!.Intent);

        var answer = (await fixture.ReplyAsync("B-1001", user, ask.ConversationId)).Value!;
        // The pending question's check and the order resolution share one listing of the user's orders per turn.
        Assert.Equal(2, fixture.App.Orders.ListCalls(user));
        Assert.Equal(("track_order", 1.0), (answer.Intent, answer.Confidence));
        Assert.Contains("B-1001", answer.Reply);
        Assert.Contains("delivered", answer.Reply);
        Assert.DoesNotContain("B-1002", answer.Reply);

        var refund = (await fixture.ReplyAsync("I would like to get a refund for it", user, ask.ConversationId)).Value!;
        Assert.Equal(3, fixture.App.Orders.ListCalls(user));
        Assert.Equal(SupportIntent.Refund, SupportIntentMap.Of(refund.Intent));
        Assert.Contains(SupportActions.ReturnEligible, refund.Actions);
        Assert.Contains("B-1001", refund.Reply);
        Assert.Contains("10 days ago", refund.Reply);
        Assert.Contains("2025-06-21", refund.Reply);
        Assert.Contains("order:B-1001", refund.Sources);
        Assert.Contains(refund.Sources, s => s.StartsWith("kb:", StringComparison.Ordinal));

        var conversation = (await fixture.App.Get<GetConversationHandler>().HandleAsync(ask.ConversationId, CancellationToken.None)).Value!;
        Assert.Equal(3, conversation.Turns.Count);
        Assert.Null(conversation.PendingOrder);
    }

    [Fact]
    public async Task A_refund_outside_the_return_window_is_refused_with_the_days_counted_from_the_order_date()
    {
        var user = SupportApplicationFixture.NewUser();
        fixture.AddOrder(user, "C-5005", OrderStatuses.Delivered, daysAgo: 45);

        var reply = (await fixture.ReplyAsync("can I get a refund for order C-5005", user)).Value!;

        Assert.Contains(SupportActions.ReturnNotEligible, reply.Actions);
        Assert.Contains("45 days ago", reply.Reply);
        Assert.Contains("more than 30 days", reply.Reply);
    }

    [Fact]
    public async Task Chinese_cancellation_of_a_paid_order_is_eligible_and_quotes_the_cancellation_article()
    {
        var user = SupportApplicationFixture.NewUser();
        fixture.AddOrder(user, "Z-888", OrderStatuses.Paid, daysAgo: 1);

        var reply = (await fixture.ReplyAsync("我想取消订单", user)).Value!;

        Assert.Equal("cancel_order", reply.Intent);
        Assert.Equal("zh", reply.Locale);
        Assert.Contains(SupportActions.CancellationEligible, reply.Actions);
        Assert.Contains("Z-888", reply.Reply);
        Assert.Contains("已付款", reply.Reply);
        Assert.Equal(["order:Z-888", "kb:cancellation"], reply.Sources);
    }

    [Theory]
    [InlineData("what payment methods do you accept", "kb:payment", "en")]
    [InlineData("what are the delivery options", "kb:shipping", "en")]
    [InlineData("I forgot my password, how do I recover it", "kb:account", "en")]
    [InlineData("你们支持哪些付款方式", "kb:payment", "zh")]
    public async Task Delivery_payment_and_account_questions_get_a_knowledge_answer_with_its_source(string message, string source, string locale)
    {
        var reply = (await fixture.ReplyAsync(message)).Value!;

        Assert.False(reply.Handoff, reply.Reply);
        Assert.Equal([source], reply.Sources);
        Assert.Equal([SupportActions.KnowledgeAnswer], reply.Actions);
        Assert.Equal(locale, reply.Locale);
    }

    [Fact]
    public async Task Asking_for_a_person_hands_off_with_the_transcript_on_the_handoff_queue()
    {
        var user = SupportApplicationFixture.NewUser();
        var first = (await fixture.ReplyAsync("what payment methods do you accept", user)).Value!;

        var reply = (await fixture.ReplyAsync("I want to talk to a human agent", user, first.ConversationId)).Value!;

        Assert.True(reply.Handoff);
        Assert.Equal(HandoffReason.Requested, reply.HandoffReason);
        Assert.Equal(SupportReplies.Handoff("en"), reply.Reply);
        var message = fixture.App.Publisher.Messages<HandoffRequest>(QueueNames.Handoff).Single(m => m.ConversationId == first.ConversationId);
        Assert.Equal(("requested", user), (message.Reason, message.UserId));
        Assert.Equal(["what payment methods do you accept", "I want to talk to a human agent"], message.Transcript.Select(t => t.Message));
        Assert.True((await fixture.App.Conversations.GetAsync(first.ConversationId, CancellationToken.None))!.Value.HandedOff);
    }

    [Fact]
    public async Task A_long_conversation_keeps_its_last_turns_and_hands_off_only_the_latest()
    {
        var user = SupportApplicationFixture.NewUser();
        var conversationId = (await fixture.ReplyAsync("what payment methods do you accept", user)).Value!.ConversationId;
        for (var i = 1; i <= 100; i++)
        {
            Assert.Equal(conversationId, (await fixture.ReplyAsync($"question {i}: what payment methods do you accept", user, conversationId)).Value!.ConversationId);
        }

        var handoff = (await fixture.ReplyAsync("I want to talk to a human agent", user, conversationId)).Value!;

        Assert.True(handoff.Handoff);
        var stored = (await fixture.App.Conversations.GetAsync(conversationId, CancellationToken.None))!.Value;
        Assert.Equal(100, stored.Turns.Count);
        Assert.Equal("question 2: what payment methods do you accept", stored.Turns[0].Message);
        Assert.Equal("I want to talk to a human agent", stored.Turns[^1].Message);
        var message = fixture.App.Publisher.Messages<HandoffRequest>(QueueNames.Handoff).Single(m => m.ConversationId == conversationId);
        Assert.Equal(
            [.. Enumerable.Range(92, 9).Select(i => $"question {i}: what payment methods do you accept"), "I want to talk to a human agent"],
            message.Transcript.Select(t => t.Message));
    }

    [Theory]
    [InlineData("This is the worst, most useless service ever. Terrible, awful, I hate it.")]
    [InlineData("太差了！垃圾服务，我非常生气，太失望了")]
    public async Task Strongly_negative_messages_go_to_a_person(string message)
    {
        var reply = (await fixture.ReplyAsync(message)).Value!;

        Assert.True(reply.Sentiment <= -0.6, $"sentiment {reply.Sentiment}");
        Assert.Equal(HandoffReason.NegativeSentiment, reply.HandoffReason);
        Assert.Contains(fixture.App.Publisher.Messages<HandoffRequest>(QueueNames.Handoff), m => m.ConversationId == reply.ConversationId && m.Reason == "negative_sentiment");
    }

    [Fact]
    public async Task Gibberish_has_low_confidence_and_goes_to_a_person()
    {
        var reply = (await fixture.ReplyAsync("qwzx plorb vantij kresh")).Value!;

        Assert.True(reply.Handoff);
        Assert.Contains(reply.HandoffReason, new HandoffReason?[] { HandoffReason.LowConfidence, HandoffReason.OutOfScope });
    }

    [Theory]
    [InlineData("hi, good evening", "greeting", "en", "How can I help you")]
    [InlineData("thank you, that was helpful", "thanks", "en", "You're welcome")]
    [InlineData("ok, goodbye and have a nice day", "goodbye", "en", "Goodbye")]
    [InlineData("您好，请问在吗", "greeting", "zh", "有什么可以帮您")]
    [InlineData("非常感谢你的帮助", "thanks", "zh", "不客气")]
    [InlineData("好的，拜拜啦", "goodbye", "zh", "再见")]
    public async Task Greetings_thanks_and_goodbyes_get_a_courtesy_reply_in_the_users_language_without_a_hand_off(
        string message, string label, string locale, string expected)
    {
        var user = SupportApplicationFixture.NewUser();
        fixture.AddOrder(user, "S-9001", OrderStatuses.Shipped, daysAgo: 2);

        var reply = (await fixture.ReplyAsync(message, user)).Value!;

        Assert.Equal((label, locale), (reply.Intent, reply.Locale));
        Assert.Equal(SupportIntent.SmallTalk, SupportIntentMap.Of(reply.Intent));
        Assert.Equal([SupportActions.SmallTalk], reply.Actions);
        Assert.Contains(expected, reply.Reply);
        Assert.Empty(reply.Sources);
        Assert.False(reply.Handoff);
        // A template states no order fact even for a shopper who has orders.
        Assert.DoesNotContain("S-9001", reply.Reply);
    }

    [Fact]
    public async Task Product_questions_search_the_catalog_and_state_its_price_and_stock()
    {
        var english = (await fixture.ReplyAsync("do you have trail running shoes")).Value!;
        var chinese = (await fixture.ReplyAsync("台灯有货吗")).Value!;

        Assert.Equal("product_question", english.Intent);
        Assert.Equal("product:P-RUN", english.Sources[0]);
        Assert.Contains("Trail running shoes 越野跑鞋 (89.90 EUR, in stock)", english.Reply);
        Assert.Equal("product:P-LAMP", chinese.Sources[0]);
        Assert.Contains("Desk lamp 台灯 (25.00 EUR, 缺货)", chinese.Reply);
    }

    [Fact]
    public async Task What_should_I_buy_lists_the_recommenders_items_with_their_reasons()
    {
        var reply = (await fixture.ReplyAsync("what should I buy? can you recommend something")).Value!;

        Assert.Equal("recommend_product", reply.Intent);
        Assert.Equal([SupportActions.Recommendations], reply.Actions);
        Assert.Equal(3, reply.Sources.Count);
        Assert.All(reply.Sources, s => Assert.StartsWith("product:", s));

        // No model yet: the recommender's fallback is the catalog's newest in-stock products.
        Assert.Contains("Yoga mat 瑜伽垫 (new in the catalog)", reply.Reply);
        Assert.DoesNotContain("Desk lamp", reply.Reply);
    }

    [Fact]
    public async Task Order_questions_without_a_user_ask_to_sign_in()
    {
        var reply = (await fixture.ReplyAsync("I want to track my order")).Value!;

        Assert.Equal([SupportActions.SignInRequired], reply.Actions);
    }

    [Fact]
    public async Task Bad_requests_are_problems_naming_the_field()
    {
        var empty = await fixture.ReplyAsync("   ");
        var tooLong = await fixture.ReplyAsync(new string('a', 2001));
        var locale = await fixture.ReplyAsync("hello", locale: "fr-FR");
        var notJson = await fixture.RawAsync("message=hi", "text/plain");
        var malformed = await fixture.RawAsync("{\"message\":");
        var unknown = await fixture.App.Get<GetConversationHandler>().HandleAsync("no-such-conversation", CancellationToken.None);

        Assert.Equal((400, true), (empty.Status, empty.Problem!.Errors!.ContainsKey("message")));
        Assert.Equal((400, true), (tooLong.Status, tooLong.Problem!.Errors!.ContainsKey("message")));
        Assert.Equal((400, true), (locale.Status, locale.Problem!.Errors!.ContainsKey("locale")));
        Assert.Equal(415, notJson.Status);
        Assert.Equal((400, true), (malformed.Status, malformed.Problem!.Errors!.ContainsKey("body")));
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task Another_users_conversation_is_not_found()
    {
        var owner = SupportApplicationFixture.NewUser();
        var first = (await fixture.ReplyAsync("what payment methods do you accept", owner)).Value!;

        var intruder = await fixture.ReplyAsync("where is my order", SupportApplicationFixture.NewUser(), first.ConversationId);

        Assert.Equal(404, intruder.Status);
    }
}
