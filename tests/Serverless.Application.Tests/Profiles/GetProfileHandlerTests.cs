using Serverless.Application.Events;
using Serverless.Application.Profiles;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Profiles;
using Xunit;
using static Serverless.Application.Tests.Fakes.EventJson;

namespace Serverless.Application.Tests.Profiles;

public sealed class GetProfileHandlerTests : IDisposable
{
    private static readonly DateTimeOffset T = TestApplication.Start;

    private readonly TestApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_unknown_user_is_404()
    {
        var result = await _app.Get<GetProfileHandler>().HandleAsync("nobody", CancellationToken.None);
        Assert.Equal(404, result.Status);
    }

    [Fact]
    public async Task An_invalid_user_id_is_400_naming_it()
    {
        var result = await _app.Get<GetProfileHandler>().HandleAsync("a/b", CancellationToken.None);
        Assert.Equal(400, result.Status);
        Assert.Equal(["userId"], result.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task The_read_model_shows_cart_quantities_current_affinities_and_the_segment()
    {
        var process = _app.Get<ProcessEventMessageHandler>();
        foreach (var e in new[]
        {
            View("e1", "u1", T.AddDays(-30), "p1", "shoes"),
            View("e2", "u1", T, "p2", "books"),
            View("e3", "u1", T, "p3", "books"),
            AddToCart("e4", "u1", T, "p9", 2),
            AddToCart("e5", "u1", T, "p8", 1),
            Purchase("e6", "u1", T, "o1", 15m, productId: "p8"),
        })
        {
            await process.HandleAsync(Of(e), CancellationToken.None);
        }

        _app.Clock.Advance(TimeSpan.FromDays(30));
        var result = await _app.Get<GetProfileHandler>().HandleAsync("u1", CancellationToken.None);

        Assert.Equal(200, result.Status);
        var profile = result.Value!;
        Assert.Equal(new Dictionary<string, int> { ["p9"] = 2 }, profile.Cart);

        // 30 days later (one half-life): books 2 -> 1; shoes (view 1 at T-30d; adds 3 + 3 and purchase 5 at T)
        // 0.25 + 5.5 = 5.75.
        Assert.Equal(["shoes", "books"], profile.CategoryAffinity.Select(a => a.Name));
        Assert.Equal(5.75, profile.CategoryAffinity[0].Score, 4);
        Assert.Equal(1.0, profile.CategoryAffinity[1].Score, 4);
        Assert.Equal("new-customers", profile.SegmentId);
        Assert.Equal("New customers", profile.SegmentName);
        Assert.Equal(LifecycleStage.New, profile.Lifecycle);
        Assert.Equal(15m, profile.NetRevenue);
        Assert.Equal(6, profile.EventCounts.Values.Sum());
        Assert.Equal(6, profile.RecentItems.Count);
        Assert.Equal("p1", profile.RecentItems[^1].ProductId);
    }
}
