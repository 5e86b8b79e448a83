using Serverless.Application.Common;
using Serverless.Application.Events;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;
using Xunit;
using Xunit.Abstractions;
using static Serverless.Application.Tests.Fakes.EventJson;

namespace Serverless.Application.Tests.Events;

public sealed class ProcessEventMessageHandlerTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset T = TestApplication.Start;

    private readonly TestApplication _app = new();

    private ProcessEventMessageHandler Handler => _app.Get<ProcessEventMessageHandler>();

    public void Dispose() => _app.Dispose();

    private Task Process(BehaviorEvent e) => Handler.HandleAsync(Of(e), CancellationToken.None);

    private UserProfile Profile(string userId) => _app.Profiles.Store.Get(userId)!.Value.Value;

    [Fact]
    public async Task An_event_stream_builds_the_profile_order_membership_and_announces_segment_changes()
    {
        await Process(View("e1", "u1", T.AddHours(-3)));
        await Process(AddToCart("e2", "u1", T.AddHours(-2), "p1", 2));
        await Process(Purchase("e3", "u1", T.AddHours(-1), "o1", 20m, quantity: 2));
        await Process(Status("e4", "u1", T.AddMinutes(-30), "o1", "shipped"));

        var profile = Profile("u1");
        Assert.Equal(1, profile.OrderCount);
        Assert.Equal(40m, profile.NetRevenue);
        Assert.Equal(0, profile.Cart["p1"].Quantity);
        Assert.Equal(4, profile.EventCounts.Values.Sum());
        Assert.Equal(LifecycleStage.New, profile.Lifecycle);
        Assert.Equal((5, 1, 1, 1, 40m), (profile.Rfm!.R, profile.Rfm.F, profile.Rfm.M, profile.Rfm.Frequency, profile.Rfm.Monetary));
        Assert.Equal(1.0 / 24, profile.Rfm.RecencyDays, 9);
        Assert.Equal("new-customers", profile.SegmentId);
        Assert.Equal(T, profile.UpdatedAt);

        var order = _app.Orders.Store.Get("u1|o1")!.Value.Value;
        Assert.Equal(40m, order.Total);
        Assert.Equal("shipped", order.Status);
        Assert.Equal(["e3", "e4"], order.EventIds);

        Assert.Equal(["new-customers"], _app.Segments.SegmentsOf("u1"));
        Assert.Equal(1, _app.Segments.SizeOf("new-customers"));
        Assert.Equal(0, _app.Segments.SizeOf(RfmSegments.ProspectsId));

        var changes = _app.Publisher.Messages<SegmentChange>(QueueNames.SegmentChanges);
        Assert.Equal(2, changes.Count);
        Assert.Equal(new SegmentChange("u1", null, "prospects", "first seen", T), changes[0]);
        Assert.Equal(new SegmentChange("u1", "prospects", "new-customers", "first purchase", T), changes[1]);

        Assert.Equal(4, _app.EventLog.ProcessedCount);
        Assert.Equal(["e1", "e2", "e3", "e4"], _app.Archive.Appended.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_duplicate_delivery_changes_nothing()
    {
        var purchase = Purchase("e1", "u1", T.AddHours(-1), "o1", 20m);
        await Process(purchase);
        var profileJson = _app.Profiles.Store.RawJson("u1");
        var orderJson = _app.Orders.Store.RawJson("u1|o1");
        var sent = _app.Publisher.Sent.Count;
        _app.Clock.Advance(TimeSpan.FromMinutes(5));

        await Process(purchase);

        Assert.Equal(profileJson, _app.Profiles.Store.RawJson("u1"));
        Assert.Equal(orderJson, _app.Orders.Store.RawJson("u1|o1"));
        Assert.Equal(sent, _app.Publisher.Sent.Count);
        Assert.Single(_app.Archive.Appended);
        Assert.Equal(1, _app.Segments.SizeOf("new-customers"));
    }

    [Fact]
    public async Task Two_hundred_concurrent_events_for_one_user_all_land_despite_write_conflicts()
    {
        _app.Profiles.Store.ConflictRate = 0.3;
        _app.Orders.Store.ConflictRate = 0.3;
        var events = new List<BehaviorEvent>();
        for (var i = 0; i < 200; i++)
        {
            var at = T.AddMinutes(-i);
            events.Add((i % 4) switch
            {
                0 => Purchase($"e{i}", "u1", at, $"o{i}", 1.25m * (i + 1)),
                1 => Refund($"e{i}", "u1", at.AddMinutes(1), $"o{i - 1}", 0.5m),
                2 => AddToCart($"e{i}", "u1", at, $"p{i}", 1),
                _ => View($"e{i}", "u1", at, $"p{i}"),
            });
        }

        await Task.WhenAll(events.Select(e => Task.Run(() => Process(e))));

        var profile = Profile("u1");
        var purchases = events.Where(e => e.Type == BehaviorEventType.Purchase).ToList();
        Assert.Equal(200, profile.EventCounts.Values.Sum());
        Assert.Equal(50, profile.EventCounts["purchase"]);
        Assert.Equal(50, profile.EventCounts["refund"]);
        Assert.Equal(50, profile.OrderCount);
        Assert.Equal(purchases.Sum(p => p.Lines![0].Total), profile.GrossRevenue);
        Assert.Equal(25m, profile.RefundedAmount);
        Assert.Equal(profile.GrossRevenue - 25m, profile.NetRevenue);
        Assert.Equal(200, profile.AppliedEventIds.Count);
        Assert.Equal(50, profile.Cart.Values.Count(c => c.Quantity == 1));
        Assert.True(_app.Profiles.Store.Conflicts > 0, "the test should have provoked conflicts");
        output.WriteLine("profile writes {0}, conflicts {1}", _app.Profiles.Store.Writes, _app.Profiles.Store.Conflicts);

        var orders = _app.Orders.Store.All();
        Assert.Equal(50, orders.Count);
        Assert.All(orders, o =>
        {
            Assert.NotNull(o.PlacedAt);
            Assert.Equal(0.5m, o.RefundedAmount);
            Assert.Equal(2, o.EventIds.Count);
        });
        Assert.Equal(200, _app.EventLog.ProcessedCount);

        Assert.Equal([profile.SegmentId!], _app.Segments.SegmentsOf("u1"));
        Assert.All(RfmSegments.All, s => Assert.Equal(s.Id == profile.SegmentId ? 1 : 0, _app.Segments.SizeOf(s.Id)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"view"}""")]
    public async Task A_malformed_message_is_permanent(string message)
    {
        await Assert.ThrowsAsync<PermanentMessageException>(() => Handler.HandleAsync(message, CancellationToken.None));
        Assert.Null(_app.Profiles.Store.Get("u1"));
    }

    [Fact]
    public async Task A_message_breaking_a_rule_is_permanent_and_the_reason_names_the_field()
    {
        var invalid = Purchase("e1", "u1", T, "o1", 10m) with { Currency = null };

        var ex = await Assert.ThrowsAsync<PermanentMessageException>(() => Process(invalid));

        Assert.Contains("currency", ex.Reason);
        Assert.Contains("e1", ex.Reason);
        Assert.Equal(0, _app.EventLog.ProcessedCount);
    }

    public static TheoryData<string> CrashPoints() => new() { "profile-save", "segment-change-publish", "membership-add", "order-save", "mark-processed" };

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task A_crash_at_any_step_then_redelivery_converges_to_the_clean_result(string crashPoint)
    {
        using var clean = new TestApplication();
        var first = View("e1", "u1", T.AddHours(-2));
        var purchase = Purchase("e2", "u1", T.AddHours(-1), "o1", 30m);
        var cleanHandler = clean.Get<ProcessEventMessageHandler>();
        await cleanHandler.HandleAsync(Of(first), CancellationToken.None);
        await cleanHandler.HandleAsync(Of(purchase), CancellationToken.None);

        await Process(first);
        var crash = new InvalidOperationException("simulated crash");
        switch (crashPoint)
        {
            case "profile-save": _app.Profiles.Store.FailNextWrite = crash; break;
            case "segment-change-publish": _app.Publisher.FailNextPublish[QueueNames.SegmentChanges] = crash; break;
            case "membership-add": _app.Segments.FailNextAdd = crash; break;
            case "order-save": _app.Orders.Store.FailNextWrite = crash; break;
            case "mark-processed": _app.EventLog.FailNextMarkProcessed = crash; break;
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Process(purchase));
        await Process(purchase);
        await Process(purchase);

        Assert.Equal(clean.Profiles.Store.RawJson("u1"), _app.Profiles.Store.RawJson("u1"));
        Assert.Equal(clean.Orders.Store.RawJson("u1|o1"), _app.Orders.Store.RawJson("u1|o1"));
        Assert.Equal(["new-customers"], _app.Segments.SegmentsOf("u1"));
        Assert.All(RfmSegments.All, s => Assert.Equal(clean.Segments.SizeOf(s.Id), _app.Segments.SizeOf(s.Id)));
        Assert.True(_app.EventLog.IsProcessed("e2"));

        // At least once: the change to new-customers is announced, possibly twice, never lost.
        var announced = _app.Publisher.Messages<SegmentChange>(QueueNames.SegmentChanges).Where(c => c.To == "new-customers").ToList();
        Assert.InRange(announced.Count, 1, 2);
        Assert.All(announced, c => Assert.Equal("prospects", c.From));
    }

    [Fact]
    public async Task Thresholds_are_read_at_most_once_a_minute()
    {
        await Process(View("e1", "u1", T));
        await Process(View("e2", "u1", T));
        Assert.Equal(1, _app.Segments.ThresholdReads);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Process(View("e3", "u1", T));
        Assert.Equal(2, _app.Segments.ThresholdReads);
    }
}
