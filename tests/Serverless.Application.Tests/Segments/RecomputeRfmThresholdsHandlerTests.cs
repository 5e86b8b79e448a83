using Serverless.Application.Events;
using Serverless.Application.Segments;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;
using Xunit;
using static Serverless.Application.Tests.Fakes.EventJson;

namespace Serverless.Application.Tests.Segments;

public sealed class RecomputeRfmThresholdsHandlerTests : IDisposable
{
    private static readonly DateTimeOffset T = TestApplication.Start;

    private readonly TestApplication _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>30 purchasers with 1 to 6 orders of varied value, last bought 0 to 290 days ago, and 3 browsers.</summary>
    private async Task SeedAsync()
    {
        var process = _app.Get<ProcessEventMessageHandler>();
        for (var i = 0; i < 30; i++)
        {
            var orders = (i % 6) + 1;
            var last = T.AddDays(-10 * i);
            for (var o = 0; o < orders; o++)
            {
                var purchase = Purchase($"u{i:00}-e{o}", $"u{i:00}", last.AddDays(-20 * o), $"u{i:00}-o{o}", 15m + (37m * ((i * 7 % 11) + o)));
                await process.HandleAsync(Of(purchase), CancellationToken.None);
            }
        }

        for (var b = 0; b < 3; b++)
        {
            await process.HandleAsync(Of(View($"b{b}-e", $"b{b}", T.AddDays(-b))), CancellationToken.None);
        }
    }

    [Fact]
    public async Task Recomputes_thresholds_moves_users_and_reconciles_memberships_and_sizes()
    {
        await SeedAsync();
        var before = _app.Profiles.Store.All().ToDictionary(p => p.UserId, p => p.SegmentId);

        // Damage to repair: a wrong size, a membership of a user who does not exist, a missing membership.
        await _app.Segments.SetSizeAsync("lost", 999, CancellationToken.None);
        await _app.Segments.AddMemberAsync(new SegmentMember("loyal", "ghost", T), CancellationToken.None);
        await _app.Segments.RemoveMemberAsync(RfmSegments.ProspectsId, "b1", CancellationToken.None);
        var publishedBefore = _app.Publisher.Raw(QueueNames.SegmentChanges).Count;

        _app.Clock.Advance(TimeSpan.FromDays(60));
        var now = _app.Clock.GetUtcNow();
        var report = await _app.Get<RecomputeRfmThresholdsHandler>().HandleAsync(CancellationToken.None);

        var profiles = _app.Profiles.Store.All();
        Assert.Equal(33, report.Profiles);
        Assert.Equal(30, report.Purchasers);
        Assert.Equal(30, report.Thresholds.Population);
        Assert.Equal(now, report.Thresholds.ComputedAt);
        Assert.Equal(RfmThresholdCalculator.Compute(profiles, now).RecencyDays, report.Thresholds.RecencyDays);
        Assert.Equal(report.Thresholds.Frequency, (await _app.Segments.GetThresholdsAsync(CancellationToken.None))!.Frequency);

        // Every profile sits in the segment its scores give with the new thresholds, and is a member of it only.
        var options = new ProfileOptions();
        foreach (var profile in profiles)
        {
            var rescored = ProfileScorer.Score(profile, report.Thresholds, options, now);
            Assert.Equal(rescored.SegmentId, profile.SegmentId);
            Assert.Equal([profile.SegmentId!], _app.Segments.SegmentsOf(profile.UserId));
        }

        var moved = profiles.Count(p => before[p.UserId] != p.SegmentId);
        Assert.True(moved > 0, "time passing and new thresholds should move some users");
        Assert.Equal(moved, report.SegmentChanges);
        var announced = _app.Publisher.Messages<SegmentChange>(QueueNames.SegmentChanges).Skip(publishedBefore).ToList();
        Assert.Equal(moved, announced.Count);
        Assert.All(announced, c => Assert.StartsWith("rfm: R", c.Reason));

        Assert.Equal(1, report.MembershipsAdded);
        Assert.Equal(1, report.MembershipsRemoved);
        Assert.Empty(_app.Segments.SegmentsOf("ghost"));
        foreach (var segment in RfmSegments.All)
        {
            var expected = profiles.Count(p => p.SegmentId == segment.Id);
            Assert.Equal(expected, _app.Segments.SizeOf(segment.Id));
            Assert.Equal(expected, _app.Segments.MemberCount(segment.Id));
            Assert.Equal(expected, report.Sizes[segment.Id]);
        }
    }

    [Fact]
    public async Task A_second_run_at_the_same_time_changes_nothing()
    {
        await SeedAsync();
        var handler = _app.Get<RecomputeRfmThresholdsHandler>();
        await handler.HandleAsync(CancellationToken.None);
        var writes = _app.Profiles.Store.Writes;

        var again = await handler.HandleAsync(CancellationToken.None);

        Assert.Equal(0, again.Rescored);
        Assert.Equal(0, again.SegmentChanges);
        Assert.Equal(0, again.MembershipsAdded + again.MembershipsRemoved);
        Assert.Equal(writes, _app.Profiles.Store.Writes);
    }

    [Fact]
    public async Task Too_few_purchasers_keep_the_default_thresholds()
    {
        await _app.Get<ProcessEventMessageHandler>().HandleAsync(Of(Purchase("e1", "u1", T, "o1", 10m)), CancellationToken.None);

        var report = await _app.Get<RecomputeRfmThresholdsHandler>().HandleAsync(CancellationToken.None);

        Assert.Same(RfmThresholds.Default, report.Thresholds);
        Assert.Equal(1, report.Purchasers);
        Assert.Equal(1, _app.Segments.SizeOf("new-customers"));
    }
}
